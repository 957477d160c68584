/**
 * `npm run bench`: with `--scale 10k|100k|1m` (and its options), the scale benchmark (bench/scale/run.ts);
 * without, the start-up and query benchmarks on the seeded paper (bench:startup, then bench:queries).
 */
if (process.argv.slice(2).some((arg) => arg === '--scale' || arg.startsWith('--scale='))) {
  await import('./scale/run.ts');
} else {
  await import('./startup.ts');
  await import('./queries.ts');
}

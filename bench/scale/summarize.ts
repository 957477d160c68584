/**
 * `node --import tsx bench/scale/summarize.ts bench/results/10k-DATE.json bench/results/1m-DATE.json ...`:
 * the README's tables from result files: per question and scale, whether the answers matched and our ratios to
 * @neo4j/graphql (b) and raw Cypher (c), requests per second (higher is better for us) and p95 (lower is better), and
 * how each question's p50 grows from the first file's scale to the last's. Flags a file whose checks failed.
 */
import { readFileSync } from 'node:fs';

interface Load {
  p50: number;
  p95: number;
  rps: number;
  errors: number;
}
interface Report {
  scale: string;
  /** false when the answer checks failed (reports before 2026-11-29 lack it). */
  valid?: boolean;
  results: Array<{ question: string; ours: Load; neo4jGraphql: Load | { unsupported: string }; cypher: Load }>;
  checks: Array<{ question: string; oursMatchesCypher: boolean | null; neo4jGraphqlMatchesCypher: boolean | null }>;
  typename: { ours: Load };
  memory: { oursPeakRssMiB: number; jvmPeakRssMiB: number };
}

const reports = process.argv.slice(2).map((file) => JSON.parse(readFileSync(file, 'utf8')) as Report);
const f = (v: number | null | undefined, digits = 2) =>
  v === null || v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(digits);
const mark = (v: boolean | null | undefined) => (v === null || v === undefined ? '-' : v ? 'yes' : 'NO');
const timedOut = (l: Load) => (l.rps === 0 && l.errors > 0 ? 'timeout' : null);

const questions = reports[0]?.results.map((r) => r.question) ?? [];
const invalid = reports.filter((r) => r.valid === false).map((r) => r.scale);
const lines = [
  ...(invalid.length > 0 ? [`**INVALID (answer checks failed): ${invalid.join(', ')}**`, ''] : []),
  '| question | scale | same ids as (c): ours / (b) | req/s × (b) | p95 × (b) | req/s × (c) | p95 × (c) |',
  '| --- | --- | --- | ---: | ---: | ---: | ---: |',
];
for (const q of questions) {
  for (const report of reports) {
    const r = report.results.find((x) => x.question === q);
    const check = report.checks.find((c) => c.question === q);
    if (!r) continue;
    const theirs = 'unsupported' in r.neo4jGraphql ? null : r.neo4jGraphql;
    const ours = timedOut(r.ours);
    lines.push(
      `| ${q} | ${report.scale} | ${mark(check?.oursMatchesCypher)} / ${mark(check?.neo4jGraphqlMatchesCypher)} | ` +
        `${theirs ? (ours ?? f(r.ours.rps / theirs.rps)) : 'n/a'} | ${theirs ? (ours ?? f(r.ours.p95 / theirs.p95)) : 'n/a'} | ` +
        `${ours ?? (timedOut(r.cypher) ? 'c timeout' : f(r.ours.rps / r.cypher.rps))} | ` +
        `${ours ?? (timedOut(r.cypher) ? 'c timeout' : f(r.ours.p95 / r.cypher.p95))} |`,
    );
  }
}
const first = reports[0];
const last = reports.at(-1);
if (first && last && first !== last) {
  lines.push(
    '',
    `| question | same ids as (c): ours / (b), ${last.scale} | p50 ${last.scale} ÷ p50 ${first.scale}, ours | same for (c) | ours, each p50 ÷ its run's \`{ __typename }\` p50 |`,
  );
  lines.push('| --- | --- | ---: | ---: | ---: |');
  const floorFirst = first.typename.ours.p50;
  const floorLast = last.typename.ours.p50;
  for (const q of questions) {
    const a = first.results.find((x) => x.question === q);
    const b = last.results.find((x) => x.question === q);
    const check = last.checks.find((c) => c.question === q);
    if (!a || !b) continue;
    lines.push(
      `| ${q} | ${mark(check?.oursMatchesCypher)} / ${mark(check?.neo4jGraphqlMatchesCypher)} | ` +
        `${timedOut(b.ours) ?? f(b.ours.p50 / a.ours.p50, 1)} | ${timedOut(b.cypher) ?? f(b.cypher.p50 / a.cypher.p50, 1)} | ` +
        `${timedOut(b.ours) ?? f(b.ours.p50 / floorLast / (a.ours.p50 / floorFirst), 1)} |`,
    );
  }
}
lines.push(
  '',
  ...reports.map(
    (r) =>
      `${r.scale}: \`{ __typename }\` p50 ${f(r.typename.ours.p50, 1)} ms; peak RSS our server ${f(r.memory.oursPeakRssMiB, 0)} MiB, JVM ${f(r.memory.jvmPeakRssMiB, 0)} MiB.`,
  ),
);
process.stdout.write(`${lines.join('\n')}\n`);

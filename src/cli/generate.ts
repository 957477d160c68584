/**
 * `npm run generate -- --relationships 1m --seed 42 [--label 1m]`: generates the synthetic corpus
 * (src/generate/synthetic-graph.ts) and loads it into the configured Neo4j (NEO4J_URI, or the embedded one in
 * NEO4J_EMBEDDED_DATA_DIR), in batched UNWIND transactions, with a progress bar. Safe to interrupt and rerun:
 * a rerun continues after the last batch written, and a finished load is skipped.
 */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { generateSyntheticGraph } from '../generate/synthetic-graph.ts';
import { parseCount } from '../generate/parse-count.ts';
import { loadGeneratedGraph } from '../generate/load-generated-graph.ts';
import { exitWithError, runWithDatabase } from './run-cli.ts';

const USAGE = 'usage: npm run generate -- --relationships 10k|100k|1m|N [--seed 42] [--label NAME]';

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        relationships: { type: 'string', default: '10k' },
        seed: { type: 'string', default: '42' },
        label: { type: 'string' },
      },
    });
  } catch (error) {
    return exitWithError(new Error(`${(error as Error).message}\n${USAGE}`));
  }
})();

let graph: ReturnType<typeof generateSyntheticGraph>;
try {
  graph = generateSyntheticGraph({
    relationships: parseCount(values.relationships),
    seed: parseCount(values.seed),
    label: values.label ?? values.relationships,
  });
} catch (error) {
  exitWithError(new Error(`${(error as Error).message}\n${USAGE}`));
}

await runWithDatabase(async (runner) => {
  const bar = new cliProgress.SingleBar(
    {
      format: ' {bar} {percentage}% | {value}/{total} records | {rate}/s | ETA {eta_formatted}',
      etaBuffer: 20,
      hideCursor: true,
      // When the output is not a terminal (CI, a log file), print the line every 10 s instead of redrawing it.
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(graph.counts.entities + graph.counts.relationships, 0, { rate: '-' });
  const summary = await loadGeneratedGraph(runner, graph, ({ done }) => {
    const seconds = (performance.now() - started) / 1000;
    bar.update(done, { rate: seconds > 0 ? Math.round(done / seconds).toLocaleString('en') : '-' });
  });
  bar.stop();
  process.stdout.write(
    summary.wrote
      ? `Loaded ${graph.document.id}: ${graph.counts.entities} entities, ${graph.counts.relationships} relationships ` +
          `in ${summary.seconds.toFixed(1)} s (${summary.batchesWritten} batches written, ${summary.batchesSkipped} already done).\n`
      : `${graph.document.id} is already loaded; nothing to do.\n`,
  );
});

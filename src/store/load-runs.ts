/**
 * Internal: the progress of a data-file load written in batches (src/store/write-graph-in-batches.ts). A
 * `(:LoadRun {id: <digest of the load>})` node records, in the same transaction as each batch, how many batches
 * are done, so a rerun of the same load after a crash writes only the batches that are missing. The last batch
 * removes it: a finished load leaves nothing behind.
 */
import type { Transaction } from '../db/query-runner.ts';

/** Takes: $id. Returns: how many batches of that load are done, if it started and has not finished. */
const READ_RUN = `
MATCH (r:LoadRun {id: $id})
RETURN r.batchesDone AS batchesDone`;

/** Takes: $id, $batchesDone, $totalBatches. */
const RECORD_RUN = `
MERGE (r:LoadRun {id: $id})
SET r.batchesDone = $batchesDone, r.totalBatches = $totalBatches`;

/** Takes: $id. */
const FINISH_RUN = `
MATCH (r:LoadRun {id: $id})
DELETE r`;

/** The batches done of the unfinished load `id`; undefined when it never started or has finished. */
export async function readLoadRun(
  tx: Pick<Transaction, 'run'>,
  id: string,
): Promise<{ batchesDone: number } | undefined> {
  const [run] = await tx.run<{ batchesDone: number }>(READ_RUN, { id });
  return run;
}

/** Records a load's progress in the batch's own transaction; the last batch removes the record. */
export async function recordLoadRun(
  tx: Transaction,
  run: { id: string; batchesDone: number; totalBatches: number },
): Promise<void> {
  if (run.batchesDone >= run.totalBatches) await tx.run(FINISH_RUN, { id: run.id });
  else await tx.run(RECORD_RUN, run);
}

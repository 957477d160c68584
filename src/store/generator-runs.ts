/**
 * Internal: the progress of a synthetic-graph load (src/generate/load-generated-graph.ts). A
 * `(:GeneratorRun {id: <document id>})` node records, in the same transaction as each batch, how many batches are
 * done, so an interrupted load resumes where it stopped, and whether the load creates its records (`bulk`: it
 * started on a database holding none of them, so every batch not done is new) or merges them.
 */
import type { QueryRunner, Transaction } from '../db/query-runner.ts';

/** Takes: $id. Returns: the run's progress, if it started. */
const READ_RUN = `
MATCH (g:GeneratorRun {id: $id})
RETURN g.batchesDone AS batchesDone, g.complete AS complete, g.bulk AS bulk`;

/** Takes: $id, $batchesDone, $totalBatches, $complete, $relationships, $entities, $bulk. */
const RECORD_RUN = `
MERGE (g:GeneratorRun {id: $id})
SET g.batchesDone = $batchesDone, g.totalBatches = $totalBatches, g.complete = $complete,
    g.relationships = $relationships, g.entities = $entities, g.bulk = $bulk`;

export type GeneratorRun = {
  batchesDone: number | null;
  complete: boolean | null;
  /** True when the run creates its records (create-graph.ts); null for a run recorded before runs said so. */
  bulk: boolean | null;
};

export interface GeneratorRunRecord {
  id: string;
  batchesDone: number;
  totalBatches: number;
  complete: boolean;
  relationships: number;
  entities: number;
  bulk: boolean;
}

/** The recorded progress of the run loading document `id`; undefined when none started. */
export async function readGeneratorRun(runner: QueryRunner, id: string): Promise<GeneratorRun | undefined> {
  const [run] = await runner.read<GeneratorRun>('generate.read-run', READ_RUN, { id });
  return run;
}

/** Records a run's progress in the batch's own transaction. */
export async function recordGeneratorRun(tx: Transaction, record: GeneratorRunRecord): Promise<void> {
  await tx.run(RECORD_RUN, { ...record });
}

/**
 * Internal: writes a validated load that is new to the database (none of its documents and entities is stored: a
 * dump restored into an empty database, a large corpus imported for the first time) in batches, one write
 * transaction each, with the bulk writer (create-graph.ts), so neither Neo4j's transaction state nor this process
 * holds more than a batch of writes at a time.
 *
 * It stores what writeGraph (write-graph.ts) stores for the same load: the same documents, sections, entities,
 * relationships and citations (from the same row builders), the facts curators own left out the same way, and the
 * curation files' registry and audit log written, with the graph's version, in the last batch.
 *
 * Crash safety: every batch is all-or-nothing, and the load's progress (`loadId`, a digest of what it loads) is
 * recorded in each batch's own transaction (load-runs.ts). After a crash the database holds exactly the batches
 * recorded as done; the same load run again (`resumeFrom`) creates the batches that are missing, which are still
 * new. Until the last batch commits, the graph holds part of the load.
 */
import type { QueryRunner, Transaction } from '../db/query-runner.ts';
import { createDocuments, createEntities, createRelationships } from './create-graph.ts';
import { bumpGraphVersion } from './graph-version.ts';
import { recordLoadRun } from './load-runs.ts';
import type { GraphData } from './validate-graph-data.ts';
import { readCuratedFactIds, withoutCurated, type WriteSummary } from './write-graph.ts';
import { writeCuration } from './write-curation.ts';

/** Entities or relationships per transaction (each with its citations). */
const BULK_BATCH_SIZE = 20_000;

export interface BatchedWriteOptions {
  /** Names the load in its progress record: the same load gives the same id. */
  loadId: string;
  /** Batches an earlier, interrupted run of the same load committed (from readLoadRun). */
  resumeFrom?: number;
  batchSize?: number;
  /** Called after each batch: records written (or skipped as done) so far, and the total. */
  onProgress?: (progress: { done: number; total: number }) => void;
}

export async function writeGraphInBatches(
  runner: QueryRunner,
  loaded: GraphData,
  { loadId, resumeFrom = 0, batchSize = BULK_BATCH_SIZE, onProgress = () => {} }: BatchedWriteOptions,
): Promise<WriteSummary> {
  const curated = await readCuratedFactIds({
    run: (statement, params) => runner.read('load-graph.curated-facts', statement, params),
  });
  const { graph, keptCurated } = withoutCurated(loaded, curated);
  const steps: Array<{ size: number; write: (tx: Transaction) => Promise<unknown> }> = [
    { size: 0, write: (tx) => createDocuments(tx, graph.documents) },
  ];
  for (let i = 0; i < graph.entities.length; i += batchSize) {
    const batch = graph.entities.slice(i, i + batchSize);
    steps.push({ size: batch.length, write: (tx) => createEntities(tx, batch) });
  }
  for (let i = 0; i < graph.relationships.length; i += batchSize) {
    const batch = graph.relationships.slice(i, i + batchSize);
    steps.push({ size: batch.length, write: (tx) => createRelationships(tx, batch) });
  }
  let restored = { curatedFacts: 0, auditEntries: 0 };
  const { curation } = loaded;
  if (curation) steps.push({ size: 0, write: async (tx) => (restored = await writeCuration(tx, curation)) });

  const total = graph.entities.length + graph.relationships.length;
  let done = 0;
  for (const [index, step] of steps.entries()) {
    if (index >= resumeFrom) {
      await runner.writeTransaction('load-graph.batch', async (tx) => {
        await step.write(tx);
        await recordLoadRun(tx, { id: loadId, batchesDone: index + 1, totalBatches: steps.length });
        await bumpGraphVersion(tx);
      });
    }
    done += step.size;
    onProgress({ done, total });
  }
  return {
    documents: graph.documents.length,
    entities: graph.entities.length,
    relationships: graph.relationships.length,
    removedEntities: 0,
    removedRelationships: 0,
    keptCurated,
    ...restored,
  };
}

/**
 * Public contract of loading a synthetic graph (src/generate/synthetic-graph.ts) into Neo4j: batch by batch, one
 * write transaction each, through the same writers as a data-file load (write-graph.ts), so it stores exactly
 * what a data file stores.
 *
 * Safe to interrupt and rerun: the run's progress is recorded in the same transaction as each batch
 * (src/store/generator-runs.ts); a rerun skips the batches done and continues. Every write is a MERGE, so even a
 * batch written twice changes nothing. A finished run is recognised and skipped in one read.
 */
import type { QueryRunner, Transaction } from '../db/query-runner.ts';
import type { SyntheticGraph } from './synthetic-graph.ts';
import type { RelationshipToWrite } from '../store/validate-graph-data.ts';
import { readGeneratorRun, recordGeneratorRun } from '../store/generator-runs.ts';
import { bumpGraphVersion } from '../store/graph-version.ts';
import { writeDocuments, writeEntities, writeRelationships } from '../store/write-graph.ts';

/** Records per write transaction, and rows per UNWIND statement within it. */
const GENERATOR_BATCH_SIZE = 10_000;
const STATEMENT_SIZE = 2_500;

export interface GeneratorProgress {
  /** Entities and relationships written so far (skipped batches count as written). */
  done: number;
  total: number;
}

export interface GeneratedLoadSummary {
  /** False when an earlier run had already finished (nothing was written). */
  wrote: boolean;
  batchesSkipped: number;
  batchesWritten: number;
  seconds: number;
}

/** Whether a run of this graph has finished loading. */
export async function isGeneratedGraphLoaded(runner: QueryRunner, documentId: string): Promise<boolean> {
  return (await readGeneratorRun(runner, documentId))?.complete === true;
}

export async function loadGeneratedGraph(
  runner: QueryRunner,
  graph: SyntheticGraph,
  onProgress: (progress: GeneratorProgress) => void = () => {},
  batchSize = GENERATOR_BATCH_SIZE,
): Promise<GeneratedLoadSummary> {
  const started = performance.now();
  const id = graph.document.id;
  const total = graph.counts.entities + graph.counts.relationships;
  const entityBatches = Math.ceil(graph.counts.entities / batchSize);
  const totalBatches = 1 + entityBatches + Math.ceil(graph.counts.relationships / batchSize);
  const run = await readGeneratorRun(runner, id);
  if (run?.complete === true) {
    onProgress({ done: total, total });
    return { wrote: false, batchesSkipped: totalBatches, batchesWritten: 0, seconds: 0 };
  }
  const resumeFrom = run?.batchesDone ?? 0;
  let batchIndex = 0;
  let done = 0;
  let written = 0;

  const record = (tx: Transaction) =>
    recordGeneratorRun(tx, {
      id,
      batchesDone: batchIndex + 1,
      totalBatches,
      complete: batchIndex + 1 === totalBatches,
      relationships: graph.counts.relationships,
      entities: graph.counts.entities,
    });
  /** Writes batch number `batchIndex` unless an earlier run did, then advances. */
  const step = async (size: number, write: (tx: Transaction) => Promise<void>) => {
    if (batchIndex >= resumeFrom) {
      await runner.writeTransaction('generate.batch', async (tx) => {
        await write(tx);
        await record(tx);
        await bumpGraphVersion(tx);
      });
      written += 1;
    }
    batchIndex += 1;
    done += size;
    onProgress({ done, total });
  };

  await step(0, async (tx) => {
    await writeDocuments(tx, [graph.document]);
  });
  for (let i = 0; i < graph.entities.length; i += batchSize) {
    const batch = graph.entities.slice(i, i + batchSize);
    await step(batch.length, (tx) => writeEntities(tx, batch, STATEMENT_SIZE));
  }
  let batch: RelationshipToWrite[] = [];
  const flush = async () => {
    const rows = batch;
    batch = [];
    await step(rows.length, async (tx) => {
      await writeRelationships(tx, rows, STATEMENT_SIZE);
    });
  };
  for (const relationship of graph.relationships()) {
    batch.push(relationship);
    if (batch.length === batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return {
    wrote: true,
    batchesSkipped: resumeFrom,
    batchesWritten: written,
    seconds: (performance.now() - started) / 1000,
  };
}

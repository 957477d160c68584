/**
 * Public contract of loading a synthetic graph (src/generate/synthetic-graph.ts) into Neo4j: batch by batch, one
 * write transaction each, through the same writers as a data-file load, so it stores exactly what a data file
 * stores.
 *
 * Into a database that holds none of the graph's entities (an empty one, or one with other documents only), every
 * record is new: the batches are written by the bulk writer (src/store/create-graph.ts, CREATE). Otherwise (a
 * graph loaded before without its progress record) by the MERGE writer (src/store/write-graph.ts), which leaves
 * what is there as it is and adds what is missing.
 *
 * Safe to interrupt and rerun: each batch is one transaction, and the run's progress (and which writer it uses) is
 * recorded in that same transaction (src/store/generator-runs.ts), so after a crash the database holds exactly the
 * batches recorded as done; a rerun skips them and writes the rest, which are still new. A finished run is
 * recognised and skipped in one read.
 */
import type { QueryRunner, Transaction } from '../db/query-runner.ts';
import type { SyntheticGraph } from './synthetic-graph.ts';
import type { RelationshipToWrite } from '../store/validate-graph-data.ts';
import { createDocuments, createEntities, createRelationships } from '../store/create-graph.ts';
import { readExistingGraph } from '../store/existing-graph.ts';
import { readGeneratorRun, recordGeneratorRun } from '../store/generator-runs.ts';
import { bumpGraphVersion } from '../store/graph-version.ts';
import { writeDocuments, writeEntities, writeRelationships } from '../store/write-graph.ts';

/** Records per write transaction, and rows per UNWIND statement within it (measured: docs/operations.md). */
const GENERATOR_BATCH_SIZE = 20_000;
const STATEMENT_SIZE = 5_000;

/** The two ways to write a batch: CREATE (every record new) or MERGE. */
const WRITERS = {
  create: {
    documents: (tx: Transaction, documents: SyntheticGraph['document'][]) => createDocuments(tx, documents),
    entities: (tx: Transaction, entities: SyntheticGraph['entities']) => createEntities(tx, entities, STATEMENT_SIZE),
    relationships: (tx: Transaction, rows: RelationshipToWrite[]) => createRelationships(tx, rows, STATEMENT_SIZE),
  },
  merge: {
    documents: (tx: Transaction, documents: SyntheticGraph['document'][]) => writeDocuments(tx, documents),
    entities: (tx: Transaction, entities: SyntheticGraph['entities']) => writeEntities(tx, entities, STATEMENT_SIZE),
    relationships: (tx: Transaction, rows: RelationshipToWrite[]) => writeRelationships(tx, rows, STATEMENT_SIZE),
  },
} as const;

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
  /** Whether the batches were created (an empty or disjoint database) or merged. */
  writer: 'create' | 'merge';
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
    return { wrote: false, batchesSkipped: totalBatches, batchesWritten: 0, writer: 'merge', seconds: 0 };
  }
  const resumeFrom = run?.batchesDone ?? 0;
  const bulk = run === undefined ? await holdsNoneOf(runner, graph) : run.bulk === true;
  const writer = WRITERS[bulk ? 'create' : 'merge'];
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
      bulk,
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
    await writer.documents(tx, [graph.document]);
  });
  for (let i = 0; i < graph.entities.length; i += batchSize) {
    const batch = graph.entities.slice(i, i + batchSize);
    await step(batch.length, (tx) => writer.entities(tx, batch));
  }
  let batch: RelationshipToWrite[] = [];
  const flush = async () => {
    const rows = batch;
    batch = [];
    await step(rows.length, async (tx) => {
      await writer.relationships(tx, rows);
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
    writer: bulk ? 'create' : 'merge',
    seconds: (performance.now() - started) / 1000,
  };
}

/** Whether the database holds none of the graph's document and entities (so every record of it is new). */
async function holdsNoneOf(runner: QueryRunner, graph: SyntheticGraph): Promise<boolean> {
  const existing = await readExistingGraph(
    { run: (statement, params) => runner.read('generate.existing-graph', statement, params) },
    graph.entities.map((e) => e.id),
    [graph.document.id],
  );
  return existing.entities.size === 0 && existing.documents.size === 0;
}

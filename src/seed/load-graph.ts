/**
 * Public contract of seeding and importing: validate data files completely, then write them. Bad data throws
 * DataValidationError (every problem, with file, line, subject and field) before anything is written, so the
 * database is left exactly as it was.
 *
 * How it writes:
 * - a load of up to BULK_LOAD_THRESHOLD records, or one that touches stored documents or entities, in one
 *   transaction (src/store/write-graph.ts): after a crash the graph is as before or as after. Records new to the
 *   database are created, the rest merged, and what a reloaded document no longer states is removed.
 * - a larger load that is new to the database (a dump restored into an empty database, a large corpus imported
 *   for the first time) in batches of created records, one transaction each (src/store/write-graph-in-batches.ts),
 *   so memory stays bounded by a batch in Neo4j. After a crash the graph holds the batches done; running the same
 *   load again writes the rest.
 * Either way, a second run of the same load changes nothing.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QueryRunner, Transaction } from '../db/query-runner.ts';
import { DataValidationError } from '../store/data-problem.ts';
import type { LoadOptions } from '../store/load-options.ts';
import { readLoadRun } from '../store/load-runs.ts';
import { readDataFiles } from '../store/read-data-files.ts';
import { readExistingGraph } from '../store/existing-graph.ts';
import { referencedOutside, validateGraphData, type GraphData } from '../store/validate-graph-data.ts';
import { writeGraphInBatches } from '../store/write-graph-in-batches.ts';
import { readStoredIds, writeGraph, type WriteSummary } from '../store/write-graph.ts';

const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/** Loads of more entities and relationships than this that are new to the database are written in batches. */
const BULK_LOAD_THRESHOLD = 50_000;

export interface GraphLoadOptions extends LoadOptions {
  /** Overrides BULK_LOAD_THRESHOLD (tests). */
  bulkThreshold?: number;
  /** Records per batch of a batched load (default: src/store/write-graph-in-batches.ts). */
  batchSize?: number;
  /** Progress of a batched load. */
  onProgress?: (progress: { done: number; total: number }) => void;
}

/** Every YAML data file under `dir`, in path order. */
export function listDataFiles(dir = DATA_DIR): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

export async function loadGraph(
  runner: QueryRunner,
  files: readonly string[],
  options: GraphLoadOptions = {},
): Promise<WriteSummary> {
  const { parsed, problems } = readDataFiles(files, options);
  if (problems.length > 0) throw new DataValidationError(problems);

  const read: Pick<Transaction, 'run'> = {
    run: (statement, params) => runner.read('load-graph', statement, params),
  };
  const outside = referencedOutside(parsed);
  const existing = await readExistingGraph(
    read,
    [...parsed.flatMap((f) => f.data.entities.map((e) => e.id)), ...outside.entityIds],
    outside.documentIds,
  );
  const { graph, problems: graphProblems } = validateGraphData(parsed, existing, options);
  if (graphProblems.length > 0) throw new DataValidationError(graphProblems);
  parsed.length = 0;

  const loadId = digestOf(files, graph);
  const run = await readLoadRun(read, loadId);
  const batched = { loadId, batchSize: options.batchSize, onProgress: options.onProgress };
  if (run !== undefined) return writeGraphInBatches(runner, graph, { ...batched, resumeFrom: run.batchesDone });
  if (graph.entities.length + graph.relationships.length > (options.bulkThreshold ?? BULK_LOAD_THRESHOLD)) {
    const stored = await readStoredIds(
      read,
      graph.entities.map((e) => e.id),
      graph.documents.map((d) => d.id),
    );
    if (stored.entities.length === 0 && stored.documents.length === 0) {
      return writeGraphInBatches(runner, graph, batched);
    }
  }
  return runner.writeTransaction('load-graph', (tx) => writeGraph(tx, graph, options.vocabulary));
}

/** Names a load: the files' names and contents and the texts of its documents. */
function digestOf(files: readonly string[], graph: GraphData): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) hash.update(`${path.basename(file)}\n`).update(readFileSync(file));
  for (const document of graph.documents) hash.update(document.text);
  return hash.digest('hex');
}

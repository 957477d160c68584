/**
 * Public contract of seeding and importing: validate data files completely, then write them in one transaction.
 * Bad data throws DataValidationError (every problem, with file, line, subject and field) before anything is
 * written, so the database is left exactly as it was.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QueryRunner } from '../db/query-runner.ts';
import { DataValidationError } from '../store/data-problem.ts';
import type { LoadOptions } from '../store/load-options.ts';
import { readDataFiles } from '../store/read-data-files.ts';
import { readExistingGraph } from '../store/existing-graph.ts';
import { referencedOutside, validateGraphData } from '../store/validate-graph-data.ts';
import { writeGraph, type WriteSummary } from '../store/write-graph.ts';

const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

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
  options: LoadOptions = {},
): Promise<WriteSummary> {
  const { parsed, problems } = readDataFiles(files, options);
  if (problems.length > 0) throw new DataValidationError(problems);

  const outside = referencedOutside(parsed);
  const existing = await readExistingGraph(
    { run: (statement, params) => runner.read('load-graph.existing-graph', statement, params) },
    [...parsed.flatMap((f) => f.data.entities.map((e) => e.id)), ...outside.entityIds],
    outside.documentIds,
  );
  const { graph, problems: graphProblems } = validateGraphData(parsed, existing, options);
  if (graphProblems.length > 0) throw new DataValidationError(graphProblems);

  return runner.writeTransaction('load-graph', (tx) => writeGraph(tx, graph, options.vocabulary));
}

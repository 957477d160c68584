/**
 * Public contract of seeding and importing: validate data files completely, then write them in one transaction.
 * Bad data throws DataValidationError (every problem, with file, line, subject and field) before anything is
 * written, so the database is left exactly as it was.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QueryRunner } from '../db/query-runner.ts';
import type { EntityKind } from '../model/vocabulary.ts';
import { DataValidationError } from './data-problem.ts';
import type { LoadOptions } from './load-options.ts';
import { readDataFiles } from './read-data-files.ts';
import { referencedOutside, validateGraphData, type ExistingGraph } from './validate-graph-data.ts';
import { writeGraph, type WriteSummary } from './write-graph.ts';

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

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

  const existing = await readExistingGraph(
    runner,
    parsed.flatMap((f) => f.data.entities.map((e) => e.id)),
    referencedOutside(parsed),
  );
  const { graph, problems: graphProblems } = validateGraphData(parsed, existing, options);
  if (graphProblems.length > 0) throw new DataValidationError(graphProblems);

  return runner.writeTransaction('load-graph', (tx) => writeGraph(tx, graph, options.vocabulary));
}

/** True when the database holds no entity yet (start-up seeds only then). */
export async function isGraphEmpty(runner: QueryRunner): Promise<boolean> {
  const rows = await runner.read('graph-is-empty', 'MATCH (n:Entity) RETURN n.id LIMIT 1');
  return rows.length === 0;
}

async function readExistingGraph(
  runner: QueryRunner,
  definedIds: string[],
  outside: { entityIds: string[]; documentIds: string[] },
): Promise<ExistingGraph> {
  const entityRows = await runner.read<{ id: string; kind: EntityKind; documentId: string }>(
    'load-graph.existing-entities',
    'MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id, n.kind AS kind, n.documentId AS documentId',
    { ids: [...definedIds, ...outside.entityIds] },
  );
  const documentRows = await runner.read<{ id: string; text: string }>(
    'load-graph.existing-documents',
    'MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id, d.text AS text',
    { ids: outside.documentIds },
  );
  return {
    entities: new Map(entityRows.map((r) => [r.id, { kind: r.kind, documentId: r.documentId }])),
    documents: new Map(documentRows.map((r) => [r.id, { text: r.text }])),
  };
}

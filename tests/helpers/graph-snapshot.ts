/**
 * Test helper: the whole graph as one canonical JSON string (labels, properties, relationships), so a test can
 * show that an operation changed nothing at all. The graph's version counter (src/store/graph-version.ts) counts
 * writes, not content, so it is left out: a seed that changes nothing still counts as a write.
 */
import type { QueryRunner } from '../../src/db/query-runner.ts';

export async function graphSnapshot(runner: QueryRunner): Promise<string> {
  const nodes = await runner.read(
    'test.snapshot-nodes',
    'MATCH (n) WHERE NOT n:GraphVersion RETURN labels(n) AS labels, properties(n) AS props',
  );
  const relationships = await runner.read(
    'test.snapshot-relationships',
    `MATCH (a)-[r]->(b)
     RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props`,
  );
  // Sorted by content, not by the database's order: nodes without an id (and ties among relationships) have no
  // stable order, and a node written again gets a new element id.
  const canonical = (rows: unknown[]) => rows.map((row) => JSON.stringify(sortKeys(row))).sort();
  return JSON.stringify({ nodes: canonical(nodes), relationships: canonical(relationships) });
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/** The label of the node that marks a database as one the tests may empty (see tests/global-setup.ts). */
export const TEST_DATABASE_MARKER = 'KgTestDatabase';

/** Deletes everything but the test marker. */
export async function clearDatabase(runner: QueryRunner): Promise<void> {
  await runner.write('test.clear', `MATCH (n) WHERE NOT n:${TEST_DATABASE_MARKER} DETACH DELETE n`);
}

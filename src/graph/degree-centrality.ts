/**
 * Internal: degree centrality in Cypher (Query.centrality with DEGREE): each entity of the projection's kinds with
 * the number of its relationships of the projection's types to entities of those kinds that held on the date,
 * highest first, ties by id. It needs no projection in memory, so it has no relationship cap; its work grows with
 * the entities of those kinds.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import { holdsAsOf } from './partial-date.ts';
import type { ProjectionSpec } from './projection.ts';

/** Takes: $kinds, $types, $asOf, $limit. Self-loops do not count (as in the in-process projection). */
const DEGREES = `
MATCH (n:Entity)
WHERE n.kind IN $kinds
WITH n, COUNT {
  (n)-[r]-(m:Entity)
  WHERE type(r) IN $types AND m.kind IN $kinds AND m <> n AND ${holdsAsOf('r')}
} AS degree
WHERE degree > 0
RETURN n.id AS id, degree
ORDER BY degree DESC, id
LIMIT toInteger($limit)`;

export async function findDegrees(
  runner: QueryRunner,
  spec: ProjectionSpec,
  limit: number,
): Promise<Array<{ id: string; degree: number }>> {
  const rows = await runner.read<{ id: string; degree: number }>('analytics.degree', DEGREES, { ...spec, limit });
  return rows.map((r) => ({ id: r.id, degree: Number(r.degree) }));
}

/**
 * Internal: the relationships among a set of entities (a neighborhood, an export's ids, the whole graph's first
 * nodes), in a stable order, at most `limit` of them. One statement for every subgraph the API returns.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import type { RelationshipType } from '../model/vocabulary.ts';
import { HOLDS_AS_OF } from './partial-date.ts';
import type { Projection } from './related-entities.ts';
import { toRelationshipRow, type RelationshipRow } from './rows.ts';
import { statementOf } from './statement-of.ts';

/**
 * Takes: $ids, $types, $asOf (and $limit). Returns: the relationships between two of those entities, at most $limit,
 * each with every property or (core) its id.
 * Without a limit the statement has no LIMIT: with `LIMIT` Number.MAX_SAFE_INTEGER the neighborhood's edges
 * statement took about twice as long at 10k (p50 181 against 87 ms, one client, a hub's 500 nodes and 549 edges).
 */
const RELATIONSHIPS_AMONG = (limited: boolean, projection: Projection) => `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids
  AND ($types IS NULL OR type(r) IN $types)
  AND ${HOLDS_AS_OF}
RETURN a.id AS source, type(r) AS type, b.id AS target, ${projection === 'full' ? 'properties(r)' : '{id: r.id}'} AS props
ORDER BY source, type, target, r.key${limited ? '\nLIMIT toInteger($limit)' : ''}`;

/** Limited? -> projection -> statement. */
const STATEMENTS = new Map(
  [true, false].flatMap((limited) =>
    (['full', 'core'] as const).map((projection) => [
      `${limited} ${projection}`,
      RELATIONSHIPS_AMONG(limited, projection),
    ]),
  ),
);

export async function findRelationshipsAmong(
  runner: QueryRunner,
  operation: string,
  ids: readonly string[],
  filter: { types: readonly RelationshipType[] | null; asOf: string | null; projection?: Projection },
  /** The most relationships to return; none by default (the ids bound the answer). */
  limit?: number,
): Promise<RelationshipRow[]> {
  const rows = await runner.read<{ source: string; type: string; target: string; props: Record<string, unknown> }>(
    operation,
    statementOf(STATEMENTS, `${limit !== undefined} ${filter.projection ?? 'full'}`),
    { ids, types: filter.types, asOf: filter.asOf, ...(limit === undefined ? {} : { limit }) },
  );
  return rows.map((e) => toRelationshipRow(e.type, e.source, e.target, e.props));
}

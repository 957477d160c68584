/**
 * Internal: the relationships of many entities at once, for one "spec" (direction, types, kinds at the other end,
 * asOf, page). Every typed relationship field (Company.materials, Material.suppliers, ...) and
 * Entity.relationships reads through here (batched by src/loaders/create-related-loader.ts), so a nested query
 * costs one statement per level, not per result. The page is cut in Cypher, per entity: the work is bounded by
 * each entity's degree and the page, never by the graph, and only the page travels.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import { HOLDS_AS_OF } from './partial-date.ts';
import { toEntityRow, toRelationshipRow, type EntityRow, type RelationshipRow } from './rows.ts';

export type Direction = 'OUT' | 'IN' | 'BOTH';

export interface RelatedSpec {
  direction: Direction;
  /** Relationship types to follow; null for all. */
  types: readonly string[] | null;
  /** Kinds allowed at the other end; null for all. */
  kinds: readonly string[] | null;
  /** End-of-period bound (see partial-date.ts), or null for no time filter. */
  asOf: string | null;
  /** Rows to skip per entity (in the order below). */
  offset: number;
  /** Rows to return per entity at most. */
  limit: number;
  /** Also count every matching row per entity (for a connection's totalCount). */
  count: boolean;
}

export interface RelatedRow {
  direction: 'OUT' | 'IN';
  other: EntityRow;
  relationship: RelationshipRow;
}

export interface RelatedPage {
  rows: RelatedRow[];
  /** Every matching row of the entity, or null when the spec did not ask. */
  total: number | null;
}

/** The pattern for each direction, so the planner expands only the relationships asked for. */
const PATTERN: Record<Direction, string> = {
  OUT: '(n)-[r]->(m:Entity)',
  IN: '(n)<-[r]-(m:Entity)',
  BOTH: '(n)-[r]-(m:Entity)',
};

const CONDITIONS = `($types IS NULL OR type(r) IN $types)
    AND ($kinds IS NULL OR m.kind IN $kinds)
    AND ${HOLDS_AS_OF}`;

/**
 * Takes: $ids, $types, $kinds, $asOf, $offset, $limit. Returns: per id found, its page of rows ordered by the
 * other end's name, then fully (type, direction, key) so pages never overlap, and with `count` the total. An
 * entity never relates to itself (the loader rejects it), so each relationship appears once per end.
 */
const RELATED = (direction: Direction, count: boolean) => `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH ${PATTERN[direction]}
  WHERE ${CONDITIONS}
  WITH r, m, startNode(r) = n AS outgoing
  ORDER BY toLower(m.name), m.id, type(r), outgoing, r.key
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect({type: type(r), outgoing: outgoing, rel: properties(r), other: properties(m)}) AS rows
}
${
  count
    ? `CALL (n) {
  MATCH ${PATTERN[direction]}
  WHERE ${CONDITIONS}
  RETURN count(r) AS total
}
RETURN id, rows, total`
    : 'RETURN id, rows, null AS total'
}`;

/** Direction -> with count? -> statement. */
const STATEMENTS = new Map(
  (['OUT', 'IN', 'BOTH'] as const).flatMap((direction) => [
    [`${direction} true`, RELATED(direction, true)],
    [`${direction} false`, RELATED(direction, false)],
  ]),
);

/** The page of related rows of each id (an empty page for an id without any). */
export async function findRelated(
  runner: QueryRunner,
  ids: readonly string[],
  spec: RelatedSpec,
): Promise<Map<string, RelatedPage>> {
  const found = await runner.read<{
    id: string;
    rows: Array<{ type: string; outgoing: boolean; rel: Record<string, unknown>; other: Record<string, unknown> }>;
    total: number | null;
  }>(`related.${spec.direction.toLowerCase()}`, STATEMENTS.get(`${spec.direction} ${spec.count}`) ?? '', {
    ids,
    ...spec,
  });
  const byId = new Map<string, RelatedPage>(ids.map((id) => [id, { rows: [], total: spec.count ? 0 : null }]));
  for (const { id, rows, total } of found) {
    byId.set(id, {
      total,
      rows: rows.map((row) => {
        const otherId = String(row.other['id']);
        const [source, target] = row.outgoing ? [id, otherId] : [otherId, id];
        return {
          direction: row.outgoing ? 'OUT' : 'IN',
          other: toEntityRow(row.other),
          relationship: toRelationshipRow(row.type, source, target, row.rel),
        };
      }),
    });
  }
  return byId;
}

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

/** A name of the vocabulary (a relationship type or kind) as a Cypher identifier, escaped. */
const identifier = (name: string) => `\`${name.replace(/`/g, '``')}\``;

/**
 * The pattern for a direction and the types asked, with the types and kinds written into the statement (names of
 * the vocabulary, escaped, never free input): Neo4j then expands only relationships of those types (a typed
 * expand, which a dense node serves from its per-type groups) and checks the kind by label, where `type(r) IN
 * $types` expands every relationship of the node and filters after. Company.country of a company with 200 supply
 * links reads one relationship, not 201.
 */
function pattern(direction: Direction, types: readonly string[] | null, kinds: readonly string[] | null): string {
  const rel = types ? `[r:${types.map(identifier).join('|')}]` : '[r]';
  const other = kinds ? `(m:Entity&(${kinds.map(identifier).join('|')}))` : '(m:Entity)';
  if (direction === 'OUT') return `(n)-${rel}->${other}`;
  if (direction === 'IN') return `(n)<-${rel}-${other}`;
  return `(n)-${rel}-${other}`;
}

/**
 * Takes: $ids, $asOf, $offset, $limit. Returns: per id found, its page of rows ordered by the other end's name,
 * then fully (type, direction, key) so pages never overlap, and with `count` the total. An entity never relates to
 * itself (the loader rejects it), so each relationship appears once per end.
 */
const RELATED = (match: string, count: boolean) => `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH ${match}
  WHERE ${HOLDS_AS_OF}
  WITH r, m, startNode(r) = n AS outgoing
  ORDER BY toLower(m.name), m.id, type(r), outgoing, r.key
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect({type: type(r), outgoing: outgoing, rel: properties(r), other: properties(m)}) AS rows
}
${
  count
    ? `CALL (n) {
  MATCH ${match}
  WHERE ${HOLDS_AS_OF}
  RETURN count(r) AS total
}
RETURN id, rows, total`
    : 'RETURN id, rows, null AS total'
}`;

/** Statements by direction, types, kinds and count: as many as the vocabulary's fields ask, built once each. */
const STATEMENTS = new Map<string, string>();

function statementOf(spec: RelatedSpec): string {
  const key = JSON.stringify([spec.direction, spec.types, spec.kinds, spec.count]);
  let statement = STATEMENTS.get(key);
  if (statement === undefined) {
    statement = RELATED(pattern(spec.direction, spec.types, spec.kinds), spec.count);
    STATEMENTS.set(key, statement);
  }
  return statement;
}

/** The page of related rows of each id (an empty page for an id without any). */
export async function findRelated(
  runner: QueryRunner,
  ids: readonly string[],
  spec: RelatedSpec,
): Promise<Map<string, RelatedPage>> {
  const byId = new Map<string, RelatedPage>(ids.map((id) => [id, { rows: [], total: spec.count ? 0 : null }]));
  // No type or no kind allowed: nothing can match (and `[r:]` is no pattern).
  if (spec.types?.length === 0 || spec.kinds?.length === 0) return byId;
  const found = await runner.read<{
    id: string;
    rows: Array<{ type: string; outgoing: boolean; rel: Record<string, unknown>; other: Record<string, unknown> }>;
    total: number | null;
  }>(`related.${spec.direction.toLowerCase()}`, statementOf(spec), {
    ids,
    asOf: spec.asOf,
    offset: spec.offset,
    limit: spec.limit,
  });
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

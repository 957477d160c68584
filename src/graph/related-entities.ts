/**
 * Internal: the relationships of many entities at once, for one "spec" (direction, types, kinds at the other end,
 * asOf, page). Every typed relationship field (Company.materials, Material.suppliers, ...) and
 * Entity.relationships reads through here (batched by src/loaders/create-related-loader.ts), so a nested query
 * costs at most one statement per level, not per result (a root field reads the typed fields it selects in its own
 * statement instead: ./planned-fields.ts, with the same page). The page is cut in Cypher, per entity: the work is bounded by
 * each entity's degree and the page, never by the graph, and only the page travels.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import { holdsAsOf } from './partial-date.ts';
import { toEntityRow, toRelationshipRow, type EntityRow, type RelationshipRow } from './rows.ts';
import { statementOf } from './statement-of.ts';

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
  /** What of each row to read (see Projection). */
  projection: Projection;
  /**
   * Page from the end of the order: skip `offset` rows from the last, take `limit` (a Relay `last` page, whose
   * start differs per entity). The rows still come back in the order below.
   */
  descending?: boolean;
}

/**
 * `full`: every stored property of the other end and of the relationship. `core`: the other end's id, name and
 * kind and the relationship's id, all a selection of id, name, kind and typed relationship fields reads: reading
 * a property map costs Neo4j more than finding the row (at 10k, a three-level traversal took 23 ms with maps
 * and 9 ms with the core).
 */
export type Projection = 'full' | 'core';

/** The map of one row of relationship `r` to entity `m` (`outgoing` says which end the entity is) in a projection. */
export function rowMap(projection: Projection, r = 'r', m = 'm', outgoing = 'outgoing'): string {
  return projection === 'full'
    ? `{type: type(${r}), outgoing: ${outgoing}, rel: properties(${r}), other: properties(${m})}`
    : `{type: type(${r}), outgoing: ${outgoing}, rel: {id: ${r}.id}, other: ${m} {.id, .name, .kind}}`;
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

/** The pattern for each direction from `n` over `r` to `m`, so the planner expands only the relationships asked for. */
export function patternOf(direction: Direction, n = 'n', r = 'r', m = 'm'): string {
  switch (direction) {
    case 'OUT':
      return `(${n})-[${r}]->(${m}:Entity)`;
    case 'IN':
      return `(${n})<-[${r}]-(${m}:Entity)`;
    case 'BOTH':
      return `(${n})-[${r}]-(${m}:Entity)`;
    default: {
      const unknown: never = direction;
      throw new Error(`no pattern for direction ${String(unknown)}`);
    }
  }
}

/**
 * The spec's parameters in a statement: `$types`, `$kinds`, ... (prefix ''), or `$p0_types`, ... for one of the
 * several specs of a planned statement. Direction, count and projection are in the statement's text instead.
 */
export function specParams(spec: RelatedSpec, prefix = ''): Record<string, unknown> {
  const { types, kinds, asOf, offset, limit } = spec;
  return Object.fromEntries(
    Object.entries({ types, kinds, asOf, offset, limit }).map(([key, value]) => [`${prefix}${key}`, value]),
  );
}

/** The conditions of the spec with parameter prefix `p` on relationship `r` to entity `m`. */
export const conditions = (p: string, r = 'r', m = 'm') => `($${p}types IS NULL OR type(${r}) IN $${p}types)
    AND ($${p}kinds IS NULL OR ${m}.kind IN $${p}kinds)
    AND ${holdsAsOf(r, `$${p}asOf`)}`;

/** The order of an entity's rows: by the other end's name, then fully (type, direction, key). */
export const orderKeys = (r = 'r', m = 'm', outgoing = 'outgoing') => [
  `toLower(${m}.name)`,
  `${m}.id`,
  `type(${r})`,
  outgoing,
  `${r}.key`,
];
const ORDER_KEYS = orderKeys();

/**
 * The page of entity `n`'s rows for the spec with parameter prefix `p` (specParams), as `rows`: ordered by the
 * other end's name, then fully (type, direction, key) so pages never overlap; `descending` reads the exact reverse
 * order. ./planned-fields.ts reads the same page with its own variable names.
 */
const pageOf = (direction: Direction, projection: Projection, p: string, descending = false) => `
CALL (n) {
  MATCH ${patternOf(direction)}
  WHERE ${conditions(p)}
  WITH r, m, startNode(r) = n AS outgoing
  ORDER BY ${ORDER_KEYS.map((key) => (descending ? `${key} DESC` : key)).join(', ')}
  SKIP toInteger($${p}offset) LIMIT toInteger($${p}limit)
  RETURN collect(${rowMap(projection)}) AS rows
}`;

/**
 * Takes: $ids and the spec's parameters. Returns: per id found, its page of rows (pageOf) and with `count` the
 * total. An entity never relates to itself (the loader rejects it), so each relationship appears once per end.
 */
const RELATED = (direction: Direction, count: boolean, projection: Projection, descending: boolean) => `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
${pageOf(direction, projection, '', descending)}
${
  count
    ? `CALL (n) {
  MATCH ${patternOf(direction)}
  WHERE ${conditions('')}
  RETURN count(r) AS total
}
RETURN id, rows, total`
    : 'RETURN id, rows, null AS total'
}`;

/** Direction -> with count? -> projection -> descending? -> statement. */
const STATEMENTS = new Map(
  (['OUT', 'IN', 'BOTH'] as const).flatMap((direction) =>
    [true, false].flatMap((count) =>
      (['full', 'core'] as const).flatMap((projection) =>
        [false, true].map((descending) => [
          `${direction} ${count} ${projection} ${descending}`,
          RELATED(direction, count, projection, descending),
        ]),
      ),
    ),
  ),
);

/** A page's rows as Neo4j returns them (see pageOf). */
export interface StoredRow {
  type: string;
  outgoing: boolean;
  rel: Record<string, unknown>;
  other: Record<string, unknown>;
}

/** The rows of entity `id`'s page, converted. */
export function toRelatedRows(id: string, rows: readonly StoredRow[]): RelatedRow[] {
  return rows.map((row) => {
    const otherId = String(row.other['id']);
    const [source, target] = row.outgoing ? [id, otherId] : [otherId, id];
    return {
      direction: row.outgoing ? 'OUT' : 'IN',
      other: toEntityRow(row.other),
      relationship: toRelationshipRow(row.type, source, target, row.rel),
    };
  });
}

/** The page of related rows of each id (an empty page for an id without any). */
export async function findRelated(
  runner: QueryRunner,
  ids: readonly string[],
  spec: RelatedSpec,
): Promise<Map<string, RelatedPage>> {
  const found = await runner.read<{ id: string; rows: StoredRow[]; total: number | null }>(
    `related.${spec.direction.toLowerCase()}`,
    statementOf(STATEMENTS, `${spec.direction} ${spec.count} ${spec.projection} ${spec.descending === true}`),
    { ids, ...specParams(spec) },
  );
  const byId = new Map<string, RelatedPage>(ids.map((id) => [id, { rows: [], total: spec.count ? 0 : null }]));
  for (const { id, rows, total } of found) {
    const page = toRelatedRows(id, rows);
    byId.set(id, { total, rows: spec.descending ? page.reverse() : page });
  }
  return byId;
}

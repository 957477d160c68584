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

/** What of each relationship a list of relationships reads: a Projection, or only its id. */
export type RelationshipProjection = Projection | 'id';

/**
 * One row of relationship `r` to entity `m` (`outgoing` says which end the entity is) in a projection, with the
 * map of the fields planned below it when given (./planned-fields.ts): a map in the full projection, a list in the
 * core one (StoredRow). The driver decodes a map's keys with every row: in a three-level traversal at 10k they were
 * the driver's largest cost under load.
 */
export function rowOf(
  projection: Projection,
  r = 'r',
  m = 'm',
  outgoing = 'outgoing',
  fields: string | null = null,
): string {
  const below = fields === null ? '' : `, ${projection === 'full' ? 'fields: ' : ''}${fields}`;
  return projection === 'full'
    ? `{type: type(${r}), outgoing: ${outgoing}, rel: properties(${r}), other: properties(${m})${below}}`
    : `[type(${r}), ${outgoing}, ${r}.id, ${m}.id, ${m}.name, ${m}.kind${below}]`;
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

/**
 * The order of an entity's rows: by the other end's name (`nameKey`, the lowercased name every writer stores, so a
 * range index can give the order), then fully (type, direction, key). ./planned-fields.ts orders its pages by the
 * same keys with its own variable names, so a planned page is the page this module reads.
 */
export const orderKeys = (r = 'r', m = 'm', outgoing = 'outgoing') => [
  `${m}.nameKey`,
  `${m}.id`,
  `type(${r})`,
  outgoing,
  `${r}.key`,
];
const ORDER_KEYS = orderKeys();

/** The relationships of `n` in each direction, any type, any other end: Neo4j reads their number in O(1). */
const DEGREE: Record<Direction, string> = {
  OUT: 'COUNT { (n)-->() }',
  IN: 'COUNT { (n)<--() }',
  BOTH: 'COUNT { (n)--() }',
};

/** No condition but time: every relationship of `n` can be a row (entities relate only to entities). */
const ANY_ROW = '$types IS NULL AND $kinds IS NULL';

/**
 * When an entity's page is read by walking every entity in name order (the `entity_name_key` index) and keeping
 * the other ends of `n`, rather than sorting all of `n`'s rows. With d rows among e entities the walk reads about
 * (offset + limit) * e / d entities, the sort d rows; PROFILE at 100k put a walked entity at about 8 times the db
 * hits of a sorted row (the hub's first 20 of 7,030: 5,241 db hits walking, 56,566 sorting and counting).
 */
const WALKS = `${ANY_ROW} AND degree * degree > 8 * (toInteger($offset) + toInteger($limit)) * entityCount`;

/**
 * The page of entity `n` for the spec (specParams), in ORDER_KEYS order (`descending`: its exact reverse), as
 * `rows`. Exactly one of two branches reads it, the other gives []: a hub's page walks the name index (WALKS), so
 * it costs what its page costs whatever the hub's degree; any other page sorts the entity's rows. Both give the
 * same order, so pages of one entity never overlap whichever branch served each.
 */
const RELATED_PAGE = (direction: Direction, projection: Projection, descending: boolean) => {
  const order = ORDER_KEYS.map((key) => (descending ? `${key} DESC` : key)).join(', ');
  const rest = (indent: string) => `WHERE ${conditions('')}
${indent}WITH r, m, startNode(r) = n AS outgoing
${indent}ORDER BY ${order}
${indent}SKIP toInteger($offset) LIMIT toInteger($limit)
${indent}RETURN collect(${rowOf(projection)}) AS part`;
  // The walk is a subquery of the rows that pass WALKS, so the index is read only for them.
  return `
CALL (n, entityCount) {
  WITH n, entityCount, ${DEGREE[direction]} AS degree
  CALL (n, entityCount, degree) {
    WITH n, entityCount, degree
    WHERE ${WALKS}
    CALL (n) {
      MATCH (m:Entity) USING INDEX m:Entity(nameKey)
      WHERE m.nameKey IS NOT NULL
      MATCH ${patternOf(direction)}
      ${rest('      ')}
    }
    RETURN part
  UNION ALL
    WITH n, entityCount, degree
    WHERE NOT (${WALKS})
    MATCH ${patternOf(direction)}
    ${rest('    ')}
  }
  RETURN reduce(rows = [], p IN collect(part) | rows + p) AS rows
}`;
};

/**
 * How many rows entity `n` has for the spec, as `total`: its degree when only time could filter and there is none
 * (O(1)), else a count of the rows.
 */
const RELATED_COUNT = (direction: Direction) => `
CALL (n) {
  CALL (n) {
    WITH n
    WHERE ${ANY_ROW} AND $asOf IS NULL
    RETURN ${DEGREE[direction]} AS part
  UNION ALL
    WITH n
    WHERE NOT (${ANY_ROW} AND $asOf IS NULL)
    MATCH ${patternOf(direction)}
    WHERE ${conditions('')}
    RETURN count(r) AS part
  }
  RETURN sum(part) AS total
}`;

/**
 * Takes: $ids and the spec's parameters. Returns: per id found, its page of rows (RELATED_PAGE) and with `count`
 * the total. An entity never relates to itself (the loader rejects it), so each relationship appears once per end.
 */
const RELATED = (direction: Direction, count: boolean, projection: Projection, descending: boolean) => `
CALL () {
  MATCH (e:Entity)
  RETURN count(e) AS entityCount
}
UNWIND $ids AS id
MATCH (n:Entity {id: id})
${RELATED_PAGE(direction, projection, descending)}
${count ? `${RELATED_COUNT(direction)}\nRETURN id, rows, total` : 'RETURN id, rows, null AS total'}`;

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

/** A page's row as Neo4j returns it (rowOf): in the full projection, a map of every property. */
interface StoredFullRow {
  type: string;
  outgoing: boolean;
  rel: Record<string, unknown>;
  other: Record<string, unknown>;
  fields?: unknown;
}

/** In the core projection: [type, outgoing, relationship id, id, name, kind], then the planned fields' map. */
type StoredCoreRow = [string, boolean, string, string, string, string, unknown?];

export type StoredRow = StoredFullRow | StoredCoreRow;

/** The map of the fields planned below a row (rowOf's `fields`), undefined when none were. */
export function plannedBelow(row: StoredRow): unknown {
  return Array.isArray(row) ? row[6] : row.fields;
}

/** The rows of entity `id`'s page, converted. */
export function toRelatedRows(id: string, rows: readonly StoredRow[]): RelatedRow[] {
  return rows.map((row) => {
    const [type, outgoing, rel, other] = Array.isArray(row)
      ? [row[0], row[1], { id: row[2] }, { id: row[3], name: row[4], kind: row[5] }]
      : [row.type, row.outgoing, row.rel, row.other];
    const otherId = String(other['id']);
    const [source, target] = outgoing ? [id, otherId] : [otherId, id];
    return {
      direction: outgoing ? 'OUT' : 'IN',
      other: toEntityRow(other),
      relationship: toRelationshipRow(type, source, target, rel),
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

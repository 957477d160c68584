/**
 * Internal: a page of entities, filtered and ordered in Cypher (SKIP/LIMIT), with the total count. Orders cannot be
 * parameters, so each order (and whether a kind is given) has its own fixed statement, written so that an index
 * gives the order: `nameKey` (the lowercased name), `id` or the stored `degree`, alone or after `kind`
 * (cypher/schema.cypher). A page then reads its offset and its rows from the index, not the whole kind; in degree
 * order, entities of equal degree are put in id order among themselves.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import type { EntityKind, Vocabulary } from '../model/vocabulary.ts';
import { WhereCompiler, type WhereInput } from './where-filter.ts';
import { fieldsColumn, toPlannedRows, type FieldsColumn, type PlannedField, type Statement } from './planned-fields.ts';
import { toEntityRow, type EntityRow } from './rows.ts';
import { statementOf } from './statement-of.ts';

type EntityOrder = 'NAME_ASC' | 'NAME_DESC' | 'ID_ASC' | 'DEGREE_DESC';

const ORDER: Record<EntityOrder, { key: 'nameKey' | 'id' | 'degree'; by: string; kindFirst: string }> = {
  NAME_ASC: { key: 'nameKey', by: 'n.nameKey, n.id', kindFirst: 'n.kind, ' },
  NAME_DESC: { key: 'nameKey', by: 'n.nameKey DESC, n.id', kindFirst: 'n.kind DESC, ' },
  ID_ASC: { key: 'id', by: 'n.id', kindFirst: 'n.kind, ' },
  DEGREE_DESC: { key: 'degree', by: 'n.degree DESC, n.id', kindFirst: 'n.kind DESC, ' },
};

/**
 * The ORDER BY of an order. With a kind, the kind leads (in the order's direction): it is one value, so the order
 * is the same, and Neo4j then sees that the (kind, key) index gives it; ordered by the key alone, it would sort
 * every entity of the kind.
 */
function orderOf(order: EntityOrder, withKind: boolean): string {
  const { by, kindFirst } = ORDER[order];
  return withKind ? `${kindFirst}${by}` : by;
}

/**
 * The index a page walks, as a hint: on a small kind, or with index samples from an older graph, Neo4j may
 * otherwise seek the kind alone and sort it; on a large one only the walk reads just the page. Not with a `where`:
 * Neo4j chooses then (it may seek the where's own index, and a hint it cannot honour is an error).
 */
function hintOf(key: string, withKind: boolean): string {
  return withKind ? `\nUSING INDEX n:Entity(kind, ${key})` : `\nUSING INDEX n:Entity(${key})`;
}

const FILTERS = `($documentId IS NULL OR n.documentId = $documentId)
  AND ($text IS NULL OR n.nameKey CONTAINS $text OR any(a IN n.aliases WHERE toLower(a) CONTAINS $text))`;

/** Takes: $kind (with a kind), $documentId, $text, $offset, $limit. Returns: the page. */
function pageStatement(order: EntityOrder, withKind: boolean): string {
  const { key } = ORDER[order];
  const by = orderOf(order, withKind);
  const seek = withKind ? `n.kind = $kind AND n.${key} IS NOT NULL` : `n.${key} IS NOT NULL`;
  return `
MATCH (n:Entity)${hintOf(key, withKind)}
WHERE ${seek}
  AND ${FILTERS}
RETURN properties(n) AS props
ORDER BY ${by}
SKIP toInteger($offset) LIMIT toInteger($limit)`;
}

/**
 * The page statement with the typed relationship fields planned on each entity (./planned-fields.ts): the page is
 * cut first, then each entity of the page reads its fields.
 */
function pageWithFieldsStatement(
  order: EntityOrder,
  withKind: boolean,
  fields: readonly PlannedField[],
  where: Statement | null,
  filtered: boolean,
): Statement {
  const { key } = ORDER[order];
  const by = orderOf(order, withKind);
  const seek = withKind ? `n.kind = $kind AND n.${key} IS NOT NULL` : `n.${key} IS NOT NULL`;
  const column = fieldsColumn(fields, 'n');
  return {
    text: `
MATCH (n:Entity)${filtered ? '' : hintOf(key, withKind)}
WHERE ${seek}
  AND ${FILTERS}${where ? `\n  AND ${where.text}` : ''}
WITH n
ORDER BY ${by}
SKIP toInteger($offset) LIMIT toInteger($limit)
RETURN properties(n) AS props${column.text}`,
    params: { ...column.params, ...where?.params },
  };
}

const PAGES = new Map(
  (Object.keys(ORDER) as EntityOrder[]).flatMap((order) => [
    [`${order} kind`, pageStatement(order, true)],
    [`${order} all`, pageStatement(order, false)],
  ]),
);

/** Takes: $documentId, $text. Returns: the count over every kind. */
const COUNT = `
MATCH (n:Entity)
WHERE ${FILTERS}
RETURN count(n) AS total`;

/** Returns: the count of all entities, from the count store. */
const COUNT_ALL = `
MATCH (n:Entity)
RETURN count(n) AS total`;

/** Takes: $kind, $documentId, $text. Returns: the count, an index seek on kind. */
const COUNT_OF_KIND = `
MATCH (n:Entity)
WHERE n.kind = $kind AND ${FILTERS}
RETURN count(n) AS total`;

/** The cheapest count statement for a query (with a where, the count of kind or of all with it). */
function countStatement(query: EntityQuery, where: Statement | null): string {
  if (where !== null) {
    return (query.kind === null ? COUNT : COUNT_OF_KIND).replace('\nRETURN', `\n  AND ${where.text}\nRETURN`);
  }
  if (query.kind !== null) return COUNT_OF_KIND;
  return query.documentId === null && query.nameContains === null ? COUNT_ALL : COUNT;
}

export interface EntityQuery {
  kind: EntityKind | null;
  documentId: string | null;
  nameContains: string | null;
  /** Conditions on the common fields (EntityWhere), or null. */
  where: WhereInput | null;
  order: EntityOrder;
}

export async function listEntities(
  runner: QueryRunner,
  vocabulary: Vocabulary,
  query: EntityQuery,
  offset: number,
  limit: number,
  fields: readonly PlannedField[] = [],
): Promise<{ items: EntityRow[]; total: number }> {
  const compiler = new WhereCompiler(vocabulary);
  const compiled = query.where ? compiler.compile(query.where, null, 'n') : null;
  const where = compiled ? { text: compiled.text, params: compiler.params } : null;
  const params = {
    kind: query.kind,
    documentId: query.documentId,
    text: query.nameContains?.toLowerCase() ?? null,
    ...where?.params,
  };
  const page =
    fields.length === 0 && where === null
      ? { text: statementOf(PAGES, `${query.order} ${query.kind === null ? 'all' : 'kind'}`), params: {} }
      : pageWithFieldsStatement(query.order, query.kind !== null, fields, where, query.where !== null);
  const [rows, counts] = await Promise.all([
    runner.read<{ props: Record<string, unknown>; fields?: FieldsColumn }>('entities.page', page.text, {
      ...params,
      offset,
      limit,
      ...page.params,
    }),
    runner.read<{ total: number }>('entities.count', countStatement(query, where), params),
  ]);
  const items = rows.map((r) => {
    const entity = toEntityRow(r.props);
    if (fields.length > 0) entity.planned = toPlannedRows(entity, r.fields, fields);
    return entity;
  });
  return { items, total: counts[0]?.total ?? 0 };
}

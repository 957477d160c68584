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
import { indexWalk, walkOrder, type WalkedKey } from './index-walk.ts';
import { statementOf } from './statement-of.ts';

type EntityOrder = 'NAME_ASC' | 'NAME_DESC' | 'ID_ASC' | 'DEGREE_DESC';

const ORDER: Record<EntityOrder, { key: WalkedKey; keys: string[]; descending: boolean }> = {
  NAME_ASC: { key: 'nameKey', keys: ['n.nameKey', 'n.id'], descending: false },
  NAME_DESC: { key: 'nameKey', keys: ['n.nameKey DESC', 'n.id'], descending: true },
  ID_ASC: { key: 'id', keys: ['n.id'], descending: false },
  DEGREE_DESC: { key: 'degree', keys: ['n.degree DESC', 'n.id'], descending: true },
};

/** The ORDER BY of an order, over one kind or all (./index-walk.ts). */
function orderOf(order: EntityOrder, withKind: boolean): string {
  const { keys, descending } = ORDER[order];
  return walkOrder(keys, withKind, descending).join(', ');
}

const FILTERS = `($documentId IS NULL OR n.documentId = $documentId)
  AND ($text IS NULL OR n.nameKey CONTAINS $text OR any(a IN n.aliases WHERE toLower(a) CONTAINS $text))`;

/** Takes: $kind (with a kind), $documentId, $text, $offset, $limit. Returns: the page. */
function pageStatement(order: EntityOrder, withKind: boolean): string {
  return `
${indexWalk(ORDER[order].key, withKind, true)}
  AND ${FILTERS}
RETURN properties(n) AS props
ORDER BY ${orderOf(order, withKind)}
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
): Statement {
  const column = fieldsColumn(fields, 'n');
  return {
    text: `
${indexWalk(ORDER[order].key, withKind, where === null)}
  AND ${FILTERS}${where ? `\n  AND ${where.text}` : ''}
WITH n
ORDER BY ${orderOf(order, withKind)}
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
      : pageWithFieldsStatement(query.order, query.kind !== null, fields, where);
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

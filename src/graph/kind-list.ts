/**
 * Internal: the entities of one kind that match a `where` (./where-filter.ts), in a client's `sort` order, as a
 * page, a count, aggregates and groups: the statements behind Query.companies, Query.budgets, ... Each is one
 * statement whose text depends on the filter's shape and the sort's keys, never on their values.
 *
 * The page seeks the kind (an index) and, without a sort, walks the (kind, nameKey) index in order, or, sorted by
 * degree first, the (kind, degree) index (every writer stores the degree: src/store/entity-degrees.ts), so a page
 * reads its rows only; a sort on any other key orders every matching entity first (work bounded by the kind's
 * size, which the cost model charges: src/limits/cost-model.ts). Every order ends with the id, so pages are
 * stable and cursors (offsets) mean the same row from one request to the next.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import { groupKeyName, isGroupable } from '../model/kind-list-names.ts';
import type { PropertyFieldSpec, RelatedFieldSpec } from '../model/typed-fields.ts';
import type { Vocabulary } from '../model/vocabulary.ts';
import {
  aggregateColumns,
  moneyColumns,
  toMoneyAggregates,
  type KindAggregate,
  type MoneyAggregate,
} from './aggregates.ts';
import { fieldsColumn, toPlannedRows, type FieldsColumn, type PlannedField } from './planned-fields.ts';
import { toEntityRow, type EntityRow } from './rows.ts';
import { sortKeys, type SortInput } from './sort-keys.ts';
import { indexWalk, walkOrder, type WalkedKey } from './index-walk.ts';
import { indexedBy, propertyExpression, relatedPattern, WhereCompiler, type WhereInput } from './where-filter.ts';

/** The most ids a group lists (its `count` is exact). */
export const MAX_GROUP_IDS = 1_000;

export interface KindQuery {
  kind: string;
  where: WhereInput | null;
  sort: readonly SortInput[];
}

/**
 * The ORDER BY keys of a kind's list: the sort's (by name when none), ending with the id; a page that walks a
 * (kind, key) index leads with the kind (./index-walk.ts).
 */
function orderBy(vocabulary: Vocabulary, query: KindQuery, walk: IndexedOrder | null): string[] {
  const keys = query.sort.length === 0 ? ['n.nameKey'] : sortKeys(vocabulary, query.kind, query.sort, 'n');
  const descending = Object.values(query.sort[0] ?? {}).includes('DESC');
  return walkOrder([...keys, 'n.id'], walk !== null, descending);
}

/**
 * The MATCH and WHERE of the kind's matching entities, with the filter's parameters; the clauses after it see `n`.
 *
 * - With an anchor (see anchorOf: `country: { some: { id: { eq: "country:japan" } } }`) and no page walking an
 *   index, the match starts from the anchor by id and expands the field's links to `n`: a count, an aggregate,
 *   a group or a sorted page reads the anchor's links, never the whole kind.
 * - Otherwise it seeks the kind; when a page walks an index (`walk`: in name order, or by degree first) and there
 *   is no id or document seek, the seek names that key, so the (kind, nameKey) or (kind, degree) index gives the
 *   order and a page reads its rows only (a LIMIT stops the walk); a seek on the id or the document finds few
 *   entities, which are then sorted.
 */
function matching(vocabulary: Vocabulary, query: KindQuery, walk: IndexedOrder | null) {
  const compiler = new WhereCompiler(vocabulary);
  const where = compiler.compile(query.where, query.kind, 'n');
  const condition = where.text === 'true' ? '' : `\n  AND ${where.text}`;
  const params = { ...compiler.params, kind: query.kind };
  const anchor = walk !== null || seeksIdOrDocument(query.where) ? null : anchorOf(vocabulary, query);
  if (anchor) {
    return {
      text: `MATCH (a:Entity) WHERE a.id IN $anchorIds
MATCH ${relatedPattern(anchor.field, anchor.types, 'n', '', 'a')}
WITH DISTINCT n
WHERE n.kind = $kind${condition}`,
      params: { ...params, anchorIds: anchor.ids },
    };
  }
  if (walk === null) {
    return { text: `MATCH (n:Entity)\nWHERE n.kind = $kind${condition}`, params };
  }
  return { text: `${indexWalk(walk, true, condition === '')}${condition}`, params };
}

/** A stored key whose (kind, key) index gives a page's order: the name (no sort, or by name first), the degree. */
type IndexedOrder = Extract<WalkedKey, 'nameKey' | 'degree'>;

function indexedOrder(sort: readonly SortInput[]): IndexedOrder | null {
  const [first] = sort;
  if (first === undefined || first['name']) return 'nameKey';
  return first['degree'] ? 'degree' : null;
}

function seeksIdOrDocument(where: WhereInput | null): boolean {
  return where !== null && indexedBy({ ...where, name: null });
}

/**
 * A relationship filter that names the entities at its far end by id, at the top of the where (or in a top-level
 * AND): every match links to one of those ids by the field's types (or its `via`), so the matches are among the
 * anchors' neighbours. Null when there is none.
 */
function anchorOf(
  vocabulary: Vocabulary,
  query: KindQuery,
): { field: RelatedFieldSpec; types: readonly string[]; ids: readonly string[] } | null {
  const fields = vocabulary.kinds[query.kind]?.fields ?? {};
  const candidates = (where: WhereInput | null): WhereInput[] =>
    where === null ? [] : [where, ...((where['AND'] as WhereInput[] | null | undefined) ?? []).flatMap(candidates)];
  for (const where of candidates(query.where)) {
    for (const [name, value] of Object.entries(where)) {
      const field = fields[name];
      const filter = value as WhereInput | null | undefined;
      const id = (filter?.['some'] as WhereInput | null | undefined)?.['id'] as WhereInput | null | undefined;
      const ids = id?.['eq'] ? [String(id['eq'])] : (id?.['in'] as string[] | null | undefined);
      if (field?.of !== 'related' || !ids) continue;
      return { field, types: (filter?.['via'] as string[] | null | undefined) ?? field.types, ids };
    }
  }
  return null;
}

/** One page (SKIP/LIMIT in Cypher) with the planned typed fields of its entities, and the total when `count`. */
export async function listKind(
  runner: QueryRunner,
  vocabulary: Vocabulary,
  query: KindQuery,
  page: { offset: number; limit: number; count: boolean },
  fields: readonly PlannedField[],
): Promise<{ items: EntityRow[]; total: number | null }> {
  const walk = seeksIdOrDocument(query.where) ? null : indexedOrder(query.sort);
  const keys = orderBy(vocabulary, query, walk);
  const match = matching(vocabulary, query, walk);
  const column = fieldsColumn(fields, 'n');
  const text = `${match.text}
WITH n
ORDER BY ${keys.join(', ')}
SKIP toInteger($offset) LIMIT toInteger($limit)
RETURN properties(n) AS props${column.text}`;
  const [rows, total] = await Promise.all([
    runner.read<{ props: Record<string, unknown>; fields?: FieldsColumn }>(`${query.kind}.page`, text, {
      ...match.params,
      ...column.params,
      offset: page.offset,
      limit: page.limit,
    }),
    page.count ? countKind(runner, vocabulary, query) : null,
  ]);
  const items = rows.map((row) => {
    const entity = toEntityRow(row.props);
    if (fields.length > 0) entity.planned = toPlannedRows(entity, row.fields, fields);
    return entity;
  });
  return { items, total };
}

async function countKind(runner: QueryRunner, vocabulary: Vocabulary, query: KindQuery): Promise<number> {
  const match = matching(vocabulary, query, null);
  const rows = await runner.read<{ total: number }>(
    `${query.kind}.count`,
    `${match.text}\nRETURN count(n) AS total`,
    match.params,
  );
  return rows[0]?.total ?? 0;
}

/** The count and every numeric and date field's aggregate over the matching entities, in one statement. */
export async function aggregateKind(
  runner: QueryRunner,
  vocabulary: Vocabulary,
  query: KindQuery,
): Promise<KindAggregate> {
  const match = matching(vocabulary, query, null);
  const columns = aggregateColumns(vocabulary, query.kind, 'n');
  const [row] = await runner.read<Record<string, unknown>>(
    `${query.kind}.aggregate`,
    `${match.text}\nRETURN ${columns.text}`,
    match.params,
  );
  return columns.read(row);
}

/** A Money field's aggregates per currency (amounts in different currencies are never added). */
export async function aggregateMoney(
  runner: QueryRunner,
  vocabulary: Vocabulary,
  query: KindQuery,
  field: PropertyFieldSpec,
): Promise<MoneyAggregate[]> {
  const match = matching(vocabulary, query, null);
  const rows = await runner.read<Record<string, unknown>>(
    `${query.kind}.aggregate-money`,
    `${match.text}\n${moneyColumns(field, 'n')}`,
    match.params,
  );
  return toMoneyAggregates(rows);
}

/** One group of a groupBy: its key (as text; null for entities without one), the entity it stands for, its members. */
export interface GroupRow {
  key: string | null;
  entity: EntityRow | null;
  count: number;
  ids: string[];
}

/**
 * The members of each group `g` of rows (g, n) as `count` and `ids` (in id order, the first MAX_GROUP_IDS), with
 * `g` kept; without `withIds`, `ids` is empty and no member's id is read or sorted. `distinct`: an entity may be
 * in a group's rows more than once.
 */
export function groupMembers(g: string, n: string, withIds: boolean, distinct = false): string {
  const d = distinct ? 'DISTINCT ' : '';
  if (!withIds) return `WITH ${g}, count(${d}${n}) AS count, [] AS ids`;
  return `WITH ${g}, ${n} ORDER BY ${n}.id
WITH ${g}, count(${d}${n}) AS count, collect(${d}${n}.id)[..$maxIds] AS ids`;
}

/**
 * The matching entities grouped by `by` (a GroupBy enum value: DOCUMENT or a field's UPPER_SNAKE name), largest
 * group first, then by key; at most `first` groups. By a relationship field, an entity counts in the group of
 * every entity it links to (and in the null group when it links to none). `withIds`: list each group's members.
 */
export async function groupKind(
  runner: QueryRunner,
  vocabulary: Vocabulary,
  query: KindQuery,
  by: string,
  first: number,
  withIds = true,
): Promise<GroupRow[]> {
  const match = matching(vocabulary, query, null);
  const params = { ...match.params, first, maxIds: MAX_GROUP_IDS };
  const finish = `ORDER BY count DESC, key
LIMIT toInteger($first)`;
  const field =
    by === 'DOCUMENT'
      ? null
      : Object.entries(vocabulary.kinds[query.kind]?.fields ?? {}).find(
          ([name, f]) => isGroupable(f) && groupKeyName(name) === by,
        )?.[1];
  if (field === undefined) throw new Error(`no group key ${by} on ${query.kind}`);
  if (field === null || field.of === 'property') {
    const key = field === null ? 'n.documentId' : groupKeyOf(field);
    return toGroups(
      await runner.read(
        `${query.kind}.group`,
        `${match.text}
WITH ${key} AS key, n
${groupMembers('key', 'n', withIds)}
RETURN key, null AS entity, count, ids
${finish}`,
        params,
      ),
    );
  }
  // The far kinds as labels (vocabulary names, as the planner writes types): a label is read from the node itself,
  // where `m.kind` reads a property of every linked entity (1.7 times slower for 125,000 companies at 1m).
  const kinds = field.kinds ? ` WHERE m:${field.kinds.join('|')}` : '';
  return toGroups(
    await runner.read(
      `${query.kind}.group`,
      `${match.text}
OPTIONAL MATCH ${relatedPattern(field, field.types, 'n', 'r', 'm')}${kinds}
${groupMembers('m', 'n', withIds, true)}
RETURN m.id AS key, properties(m) AS entity, count, ids
${finish}`,
      params,
    ),
  );
}

/** A property's value as a group key: its text (a whole number without a decimal point, however stored). */
function groupKeyOf(field: PropertyFieldSpec): string {
  const value = propertyExpression(field, 'n');
  return field.type === 'Int' ? `toString(toInteger(${value}))` : `toString(${value})`;
}

/** Group rows as a statement returns them (key, entity's properties, count, ids). */
export function toGroups(rows: ReadonlyArray<Record<string, unknown>>): GroupRow[] {
  return rows.map((row) => ({
    key: row['key'] === null || row['key'] === undefined ? null : String(row['key']),
    entity: row['entity'] ? toEntityRow(row['entity'] as Record<string, unknown>) : null,
    count: Number(row['count']),
    ids: (row['ids'] as string[]).map(String),
  }));
}

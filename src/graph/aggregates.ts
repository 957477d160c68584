/**
 * Internal: aggregates over a set of entities (a kind's matching list, src/graph/kind-list.ts, or the entities a
 * typed list field links a parent to): the count, min/max/sum/avg of every numeric property, the earliest and
 * latest of every date (by period), and a Money property's figures per currency. The columns are one RETURN, so
 * every aggregate of a set is one statement.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import type { PropertyFieldSpec, RelatedFieldSpec } from '../model/typed-fields.ts';
import type { Vocabulary } from '../model/vocabulary.ts';
import { holdsAsOf } from './partial-date.ts';
import {
  propertyExpression,
  relatedPattern,
  startOfPeriodExpression,
  WhereCompiler,
  type WhereInput,
} from './where-filter.ts';

/** min, max, sum and avg of a numeric field over the values present, and how many are present. */
interface NumberAggregate {
  min: number | null;
  max: number | null;
  sum: number | null;
  avg: number | null;
  count: number;
}

/** The earliest and latest of a date field (by the start of their periods), and how many are present. */
interface DateAggregate {
  earliest: string | null;
  latest: string | null;
  count: number;
}

export interface MoneyAggregate extends NumberAggregate {
  currency: string;
}

export interface KindAggregate {
  count: number;
  fields: Record<string, NumberAggregate | DateAggregate>;
}

/** The kind's Int, Float and PartialDate fields (none for any kind), whose aggregates one RETURN reads. */
function scalarFields(vocabulary: Vocabulary, kind: string | null): Array<[string, PropertyFieldSpec]> {
  return Object.entries(kind === null ? {} : (vocabulary.kinds[kind]?.fields ?? {})).filter(
    (entry): entry is [string, PropertyFieldSpec] =>
      entry[1].of === 'property' && ['Int', 'Float', 'PartialDate'].includes(entry[1].type),
  );
}

/**
 * The RETURN columns of every aggregate of entities `n` of `kind` (`count`, then `a0`, `a1`, ... per field), and
 * how to read a row of them.
 */
export function aggregateColumns(vocabulary: Vocabulary, kind: string | null, n: string) {
  const fields = scalarFields(vocabulary, kind);
  const columns = fields.map(([, field], i) => {
    const value = propertyExpression(field, n);
    if (field.type === 'PartialDate') {
      // The date with its period's start in front, so min and max order periods, not strings of mixed lengths.
      const keyed = `${startOfPeriodExpression(value)} + '|' + ${value}`;
      return `{earliest: min(${keyed}), latest: max(${keyed}), count: count(${value})} AS a${i}`;
    }
    return `{min: min(${value}), max: max(${value}), sum: sum(${value}), avg: avg(${value}), count: count(${value})} AS a${i}`;
  });
  return {
    text: [`count(${n}) AS count`, ...columns].join(', '),
    /** The columns' names, as a subquery's RETURN gives them on. */
    names: ['count', ...fields.map((_, i) => `a${i}`)],
    read: (row: Record<string, unknown> | undefined): KindAggregate => {
      const result: KindAggregate = { count: Number(row?.['count'] ?? 0), fields: {} };
      fields.forEach(([name, field], i) => {
        const value = (row?.[`a${i}`] ?? {}) as Record<string, unknown>;
        const count = Number(value['count'] ?? 0);
        if (field.type === 'PartialDate') {
          const date = (keyed: unknown) => (typeof keyed === 'string' ? keyed.slice(keyed.indexOf('|') + 1) : null);
          result.fields[name] = { earliest: date(value['earliest']), latest: date(value['latest']), count };
        } else {
          result.fields[name] = numberAggregate(value, count);
        }
      });
      return result;
    },
  };
}

function numberAggregate(value: Record<string, unknown>, count: number): NumberAggregate {
  const number = (v: unknown) => (typeof v === 'number' ? v : null);
  // sum() of no values is 0 in Cypher; with nothing present there is no sum.
  return {
    min: number(value['min']),
    max: number(value['max']),
    sum: count === 0 ? null : number(value['sum']),
    avg: number(value['avg']),
    count,
  };
}

/** The rest of a statement that aggregates a Money field of entities `n`, one row per currency. */
export function moneyColumns(field: PropertyFieldSpec, n: string): string {
  const value = propertyExpression(field, n);
  return `WITH ${n} WHERE ${value} IS NOT NULL
RETURN ${n}.currency AS currency, min(${value}) AS min, max(${value}) AS max, sum(${value}) AS sum,
       avg(${value}) AS avg, count(${value}) AS count
ORDER BY currency`;
}

export function toMoneyAggregates(rows: ReadonlyArray<Record<string, unknown>>): MoneyAggregate[] {
  return rows.map((row) => ({ ...numberAggregate(row, Number(row['count'])), currency: String(row['currency']) }));
}

/** The entities a typed list field links its parents to, and the where and asOf that narrow them. */
export interface LinkedSet {
  field: RelatedFieldSpec;
  /** The kind the where is about (the field's one kind), or null for any. */
  kind: string | null;
  where: WhereInput | null;
  /** End-of-period bound of the links (src/graph/partial-date.ts), or null. */
  asOf: string | null;
}

/** The MATCH of the distinct entities `n` the set links parent `p` to (each once, however many links). */
function linkedEntities(vocabulary: Vocabulary, set: LinkedSet) {
  const compiler = new WhereCompiler(vocabulary);
  const where = compiler.compile(set.where, set.kind, 'n');
  const conditions = [
    ...(set.field.kinds ? ['n.kind IN $kinds'] : []),
    holdsAsOf('r'),
    ...(where.text === 'true' ? [] : [where.text]),
  ];
  return {
    text: `MATCH ${relatedPattern(set.field, set.field.types, 'p', 'r', 'n')}
  WHERE ${conditions.join(' AND ')}
  WITH DISTINCT n`,
    params: { ...compiler.params, kinds: set.field.kinds ?? null, asOf: set.asOf },
  };
}

/** Every aggregate of the set, for each parent id, in one statement. */
export async function aggregateLinked(
  runner: QueryRunner,
  vocabulary: Vocabulary,
  ids: readonly string[],
  set: LinkedSet,
): Promise<Map<string, KindAggregate>> {
  const linked = linkedEntities(vocabulary, set);
  const columns = aggregateColumns(vocabulary, set.kind, 'n');
  const rows = await runner.read<Record<string, unknown>>(
    'related.aggregate',
    `UNWIND $ids AS id
MATCH (p:Entity {id: id})
CALL (p) {
  ${linked.text}
  RETURN ${columns.text}
}
RETURN id, ${columns.names.join(', ')}`,
    { ...linked.params, ids },
  );
  return new Map(rows.map((row) => [String(row['id']), columns.read(row)]));
}

/** A Money field's figures per currency over the set of one parent. */
export async function aggregateLinkedMoney(
  runner: QueryRunner,
  vocabulary: Vocabulary,
  id: string,
  set: LinkedSet,
  field: PropertyFieldSpec,
): Promise<MoneyAggregate[]> {
  const linked = linkedEntities(vocabulary, set);
  const rows = await runner.read<Record<string, unknown>>(
    'related.aggregate-money',
    `MATCH (p:Entity {id: $id})\n${linked.text}\n${moneyColumns(field, 'n')}`,
    { ...linked.params, id },
  );
  return toMoneyAggregates(rows);
}

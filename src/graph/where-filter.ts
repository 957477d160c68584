/**
 * Internal: a `where:` argument (CompanyWhere, EntityWhere, ...; schema.graphql's generated part) compiled into
 * one Cypher condition on an entity variable. Every value is a parameter; the text holds only the knowledge
 * model's own names (property keys, relationship types), so one shape of filter is one statement text whatever
 * its values. A relationship filter (`materials: {some: {...}}`) is an EXISTS subquery on the typed field's
 * pattern, nested as deep as the filter.
 *
 * Semantics, stated once (schema.graphql repeats them to clients):
 * - `contains` and `startsWith` ignore case; `eq` and `in` compare exactly (`name.eq` also seeks the lowercased
 *   name, so the name index serves it);
 * - a Money comparison holds only for amounts in the stated currency;
 * - a PartialDate compares periods: `gte: "2023"` holds from 2023-01-01 on, `gt: "2023"` after 2023-12-31,
 *   `eq: "2023"` for any date within 2023;
 * - `some` holds when a linked entity matches, `none` when none does, `all` when every linked entity does (and
 *   holds when there is none); `via` keeps only links of those types (among the field's);
 * - AND of an empty list holds, OR of an empty list does not.
 */
import { BadUserInputError } from '../errors.ts';
import { targetKindOf } from '../model/kind-list-names.ts';
import { endOfPeriod, startOfPeriod } from '../model/partial-date.ts';
import { property, type PropertyFieldSpec, type RelatedFieldSpec } from '../model/typed-fields.ts';
import type { Vocabulary } from '../model/vocabulary.ts';

/** A where argument as graphql-js coerces it: plain objects, absent and null fields alike meaning "no condition". */
export type WhereInput = Readonly<Record<string, unknown>>;

/** The most relationship filters one where may nest (each is a subquery per candidate entity). */
const MAX_RELATION_DEPTH = 4;
/** The most conditions one where may hold. */
const MAX_CONDITIONS = 100;

/** A compiled where: the condition on the entity variable, and whether an index can serve it (see indexedBy). */
export interface CompiledWhere {
  text: string;
  /** The top-level condition seeks an index (id eq/in/startsWith, name eq/startsWith, documentId eq/in). */
  indexed: boolean;
}

/** The Cypher start-of-period of a partial-date expression (YYYY, YYYY-MM or YYYY-MM-DD). */
export const startOfPeriodExpression = (date: string) =>
  `CASE size(${date}) WHEN 4 THEN ${date} + '-01-01' WHEN 7 THEN ${date} + '-01' ELSE ${date} END`;

/** The degree every writer stores (src/store/entity-degrees.ts), filtered like any Int property. */
const DEGREE = property('How many relationships an entity has, of any type, in either direction.', 'Int', 'degree');

/** The stored value a typed property field reads on entity `n` (a `date` is the first date key it has). */
export function propertyExpression(field: PropertyFieldSpec, n: string): string {
  const key = safeKey(field.key);
  return field.type === 'PartialDate' && key === 'date'
    ? `toString(coalesce(${n}.since, ${n}.date, ${n}.asOf))`
    : field.type === 'PartialDate'
      ? `toString(${n}.${key})`
      : `${n}.${key}`;
}

function safeKey(key: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) throw new Error(`not a property key: ${JSON.stringify(key)}`);
  return key;
}

/**
 * The relationship pattern of typed field `field` from `n` over `r` to `m`, typed by `types` (model names). The
 * far end has no label: entities relate only to entities, and without one Neo4j cannot choose to seek every
 * entity of the far end's kind and test each for a link (Expand(Into)), a plan it took right after a seed, which
 * nested three deep took over 10 s on the paper's 323 entities; it expands from `n`, bounded by `n`'s links.
 */
export function relatedPattern(field: RelatedFieldSpec, types: readonly string[], n: string, r: string, m: string) {
  for (const type of types) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(type)) throw new Error(`not a relationship type: ${JSON.stringify(type)}`);
  }
  const rel = `[${r}:${types.join('|')}]`;
  return field.direction === 'OUT' ? `(${n})-${rel}->(${m})` : `(${n})<-${rel}-(${m})`;
}

const present = (value: unknown): boolean => value !== undefined && value !== null;

/**
 * Compiles where arguments into conditions, numbering variables and parameters (`$w0`, `$w1`, ... after the
 * given prefix) so several compile into one statement.
 */
export class WhereCompiler {
  readonly params: Record<string, unknown> = {};
  private next = 0;
  private conditionCount = 0;

  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly prefix = '',
  ) {}

  /**
   * The condition `where` puts on entity `n` of `kind` (null: any kind, the EntityWhere fields only); `path` names
   * the argument in errors (`where`, `where.materials.some`). Null where compiles to `true`.
   */
  compile(where: WhereInput | null | undefined, kind: string | null, n: string, path = 'where'): CompiledWhere {
    if (!where) return { text: 'true', indexed: false };
    return { text: this.conditionOf(where, kind, n, path, 0), indexed: indexedBy(where) };
  }

  private param(value: unknown): string {
    const name = `${this.prefix}w${this.next++}`;
    this.params[name] = value;
    return `$${name}`;
  }

  private count(path: string): void {
    this.conditionCount += 1;
    if (this.conditionCount > MAX_CONDITIONS) {
      throw new BadUserInputError(path, `'${path}': a filter may hold at most ${MAX_CONDITIONS} conditions`);
    }
  }

  private conditionOf(where: WhereInput, kind: string | null, n: string, path: string, depth: number): string {
    const parts: string[] = [];
    for (const [name, value] of Object.entries(where)) {
      if (!present(value)) continue;
      const at = `${path}.${name}`;
      parts.push(this.fieldCondition(name, value, kind, n, at, depth));
    }
    return joined(parts);
  }

  private fieldCondition(name: string, value: unknown, kind: string | null, n: string, at: string, depth: number) {
    switch (name) {
      case 'AND':
      case 'OR': {
        const items = (value as WhereInput[]).map((w, i) => this.conditionOf(w, kind, n, `${at}[${i}]`, depth));
        if (items.length === 0) return name === 'AND' ? 'true' : 'false';
        return `(${items.join(` ${name} `)})`;
      }
      case 'NOT':
        return `NOT (${this.conditionOf(value as WhereInput, kind, n, at, depth)})`;
      case 'id':
        return this.idCondition(`${n}.id`, value as WhereInput, at);
      case 'documentId':
        return this.idCondition(`${n}.documentId`, value as WhereInput, at);
      case 'kind':
        return this.idCondition(`${n}.kind`, value as WhereInput, at);
      case 'name':
        return this.nameCondition(n, value as WhereInput, at);
      case 'degree':
        return this.propertyCondition(DEGREE, n, value as WhereInput, at);
      default: {
        const field = kind === null ? undefined : this.vocabulary.kinds[kind]?.fields[name];
        if (!field) throw new Error(`no filter field ${name} on ${kind ?? 'Entity'}`);
        return field.of === 'property'
          ? this.propertyCondition(field, n, value as WhereInput, at)
          : this.relationCondition(field, n, value as WhereInput, at, depth);
      }
    }
  }

  /** eq/in/startsWith on an id-like key, or a kind (exact; startsWith uses the key's index as a prefix seek). */
  private idCondition(expression: string, filter: WhereInput, at: string): string {
    const parts: string[] = [];
    for (const [operator, value] of Object.entries(filter)) {
      if (!present(value)) continue;
      this.count(at);
      if (operator === 'eq') parts.push(`${expression} = ${this.param(value)}`);
      else if (operator === 'in') parts.push(`${expression} IN ${this.param(value)}`);
      else if (operator === 'startsWith') parts.push(`${expression} STARTS WITH ${this.param(value)}`);
      else throw new Error(`no id operator ${operator}`);
    }
    return joined(parts);
  }

  /** The name: `eq`/`in` exact (with the lowercased name beside it, for the index), the rest on `nameKey`. */
  private nameCondition(n: string, filter: WhereInput, at: string): string {
    const parts: string[] = [];
    for (const [operator, value] of Object.entries(filter)) {
      if (!present(value)) continue;
      this.count(at);
      switch (operator) {
        case 'eq':
          parts.push(`${n}.nameKey = ${this.param(String(value).toLowerCase())} AND ${n}.name = ${this.param(value)}`);
          break;
        case 'in': {
          const names = value as string[];
          parts.push(
            `${n}.nameKey IN ${this.param(names.map((name) => name.toLowerCase()))} AND ${n}.name IN ${this.param(names)}`,
          );
          break;
        }
        case 'contains':
          parts.push(`${n}.nameKey CONTAINS ${this.param(String(value).toLowerCase())}`);
          break;
        case 'startsWith':
          parts.push(`${n}.nameKey STARTS WITH ${this.param(String(value).toLowerCase())}`);
          break;
        case 'isNull':
          parts.push(value === true ? 'false' : 'true'); // every entity has a name
          break;
        default:
          throw new Error(`no name operator ${operator}`);
      }
    }
    return joined(parts);
  }

  private propertyCondition(field: PropertyFieldSpec, n: string, filter: WhereInput, at: string): string {
    const value = propertyExpression(field, n);
    const parts: string[] = [];
    if (field.type === 'Money') {
      const comparisons = Object.keys(filter).filter(
        (op) => op !== 'currency' && op !== 'isNull' && present(filter[op]),
      );
      if (comparisons.length > 0) {
        if (!present(filter['currency'])) {
          throw new BadUserInputError(`${at}.currency`, `'${at}.currency' is required to compare amounts`);
        }
        this.count(at);
        parts.push(`${n}.currency = ${this.param(filter['currency'])}`);
      }
    }
    // A date's start of period is computed once, as `d`, for all its comparisons.
    const d = `d${this.prefix}w${this.next++}`;
    const dates: string[] = [];
    for (const [operator, operand] of Object.entries(filter)) {
      if (!present(operand) || operator === 'currency') continue;
      this.count(at);
      if (operator === 'isNull') {
        parts.push(`${value} IS ${operand === true ? '' : 'NOT '}NULL`);
      } else if (field.type === 'PartialDate') {
        dates.push(this.dateComparison(d, operator, String(operand)));
      } else if (field.type === 'String' && (operator === 'contains' || operator === 'startsWith')) {
        const op = operator === 'contains' ? 'CONTAINS' : 'STARTS WITH';
        parts.push(`toLower(${value}) ${op} ${this.param(String(operand).toLowerCase())}`);
      } else {
        parts.push(`${value} ${COMPARISON[operator] ?? unknownOperator(operator)} ${this.param(operand)}`);
      }
    }
    if (dates.length > 0) parts.push(`any(${d} IN [${startOfPeriodExpression(value)}] WHERE ${dates.join(' AND ')})`);
    return joined(parts);
  }

  /** A comparison of partial-date periods (see the module comment); `start` is the start of the date's period. */
  private dateComparison(start: string, operator: string, operand: string): string {
    switch (operator) {
      case 'eq':
        return `(${start} >= ${this.param(startOfPeriod(operand))} AND ${start} <= ${this.param(endOfPeriod(operand))})`;
      case 'gt':
        return `${start} > ${this.param(endOfPeriod(operand))}`;
      case 'gte':
        return `${start} >= ${this.param(startOfPeriod(operand))}`;
      case 'lt':
        return `${start} < ${this.param(startOfPeriod(operand))}`;
      case 'lte':
        return `${start} <= ${this.param(endOfPeriod(operand))}`;
      default:
        return unknownOperator(operator);
    }
  }

  /** some / none / all over a typed relationship field, each an EXISTS subquery on the field's pattern. */
  private relationCondition(field: RelatedFieldSpec, n: string, filter: WhereInput, at: string, depth: number) {
    if (depth >= MAX_RELATION_DEPTH) {
      throw new BadUserInputError(at, `'${at}': relationship filters may nest at most ${MAX_RELATION_DEPTH} deep`);
    }
    const via = filter['via'] as string[] | null | undefined;
    if (present(via)) {
      const other = (via ?? []).filter((type) => !field.types.includes(type));
      if ((via ?? []).length === 0 || other.length > 0) {
        throw new BadUserInputError(
          `${at}.via`,
          `'${at}.via' must name some of this field's relationship types (${field.types.join(', ')})${other.length > 0 ? `, not ${other.join(', ')}` : ''}`,
        );
      }
    }
    const types = via ?? field.types;
    const target = targetKindOf(field);
    const m = `m${this.prefix}w${this.next++}`;
    const kinds = field.kinds ? `${m}.kind IN ${this.param(field.kinds)}` : null;
    const pattern = relatedPattern(field, types, n, '', m);
    /** The subquery of the links whose far end meets `condition` (null: any). */
    const links = (condition: string | null) => {
      const where = [kinds, condition].filter((c): c is string => c !== null && c !== 'true');
      return `EXISTS { MATCH ${pattern}${where.length === 0 ? '' : ` WHERE ${where.join(' AND ')}`} }`;
    };
    const parts: string[] = [];
    for (const quantifier of ['some', 'none', 'all'] as const) {
      const inner = filter[quantifier];
      if (!present(inner)) continue;
      this.count(at);
      const condition = this.conditionOf(inner as WhereInput, target, m, `${at}.${quantifier}`, depth + 1);
      if (quantifier === 'some') parts.push(links(condition));
      if (quantifier === 'none') parts.push(`NOT ${links(condition)}`);
      if (quantifier === 'all') parts.push(condition === 'true' ? 'true' : `NOT ${links(`NOT (${condition})`)}`);
    }
    // `via` alone: some link of those types.
    if (parts.length === 0 && present(via)) parts.push(links(null));
    return joined(parts);
  }
}

const COMPARISON: Readonly<Record<string, string>> = { eq: '=', in: 'IN', gt: '>', gte: '>=', lt: '<', lte: '<=' };

function unknownOperator(operator: string): never {
  throw new Error(`no filter operator ${operator}`);
}

function joined(parts: readonly string[]): string {
  if (parts.length === 0) return 'true';
  return parts.length === 1 ? (parts[0] ?? 'true') : `(${parts.join(' AND ')})`;
}

/**
 * Whether an index can serve `where` at its top level: one of its conditions (directly or under AND) seeks the id,
 * the document or the lowercased name. An OR or NOT may not; a filter on another property or a relationship
 * reads every entity of the kind.
 */
export function indexedBy(where: WhereInput): boolean {
  const seeks = (filter: unknown, operators: readonly string[]) =>
    present(filter) && operators.some((op) => present((filter as WhereInput)[op]));
  if (seeks(where['id'], ['eq', 'in', 'startsWith'])) return true;
  if (seeks(where['documentId'], ['eq', 'in'])) return true;
  if (seeks(where['name'], ['eq', 'in', 'startsWith'])) return true;
  const and = where['AND'];
  return Array.isArray(and) && and.some((w) => indexedBy(w as WhereInput));
}

/**
 * Internal: a `sort` argument (CompanySort, MaterialSort, ...; schema.graphql's generated part) as ORDER BY keys on
 * an entity variable: by name, id, degree, a typed property or the count of a typed relationship field. Entities
 * without a value sort last in either direction; callers end the order with the id, so it is total.
 */
import { BadUserInputError } from '../errors.ts';
import { countSortKey } from '../model/kind-list-names.ts';
import type { RelatedFieldSpec } from '../model/typed-fields.ts';
import type { Vocabulary } from '../model/vocabulary.ts';
import { propertyExpression, relatedPattern, startOfPeriodExpression } from './where-filter.ts';

type SortDirection = 'ASC' | 'DESC';
/** One key of a `sort` argument: `{amount: DESC}`, `{suppliersCount: ASC}`, ... (exactly one field set). */
export type SortInput = Readonly<Record<string, SortDirection | null | undefined>>;

/** A sort key's Cypher expression on entity `n` of `kind` (null: any kind), and whether it can be null. */
function sortExpression(
  vocabulary: Vocabulary,
  kind: string | null,
  key: string,
  n: string,
): { expression: string; nullable: boolean } {
  if (key === 'name') return { expression: `${n}.nameKey`, nullable: false };
  if (key === 'id') return { expression: `${n}.id`, nullable: false };
  // Stored by every writer (src/store/entity-degrees.ts), and indexed: a list sorted by it walks the index.
  if (key === 'degree') return { expression: `${n}.degree`, nullable: false };
  const fields = kind === null ? {} : (vocabulary.kinds[kind]?.fields ?? {});
  const field = fields[key];
  if (field?.of === 'property') {
    const value = propertyExpression(field, n);
    return { expression: field.type === 'PartialDate' ? startOfPeriodExpression(value) : value, nullable: true };
  }
  const related = Object.entries(fields).find(([name, f]) => f.of === 'related' && countSortKey(name) === key)?.[1];
  if (related?.of === 'related') return { expression: relatedCount(related, n), nullable: false };
  throw new Error(`no sort key ${key} on ${kind ?? 'Entity'}`);
}

/** How many entities typed field `field` links entity `n` to (each link counts). */
function relatedCount(field: RelatedFieldSpec, n: string): string {
  const kinds = field.kinds ? ` WHERE c.kind IN [${field.kinds.map((k) => `'${k}'`).join(', ')}]` : '';
  return `COUNT { MATCH ${relatedPattern(field, field.types, n, '', 'c')}${kinds} }`;
}

/**
 * The ORDER BY keys of a `sort` argument on entity `n` of `kind` (each nullable key first sorts its nulls last);
 * `argument` names it in errors. Empty for no sort: the caller's own order follows.
 */
export function sortKeys(
  vocabulary: Vocabulary,
  kind: string | null,
  sort: readonly SortInput[],
  n: string,
  argument = 'sort',
): string[] {
  return sort.flatMap((input, i) => {
    const set = Object.entries(input).filter(([, direction]) => direction !== null && direction !== undefined);
    const [entry] = set;
    if (set.length !== 1 || !entry) {
      throw new BadUserInputError(
        `${argument}[${i}]`,
        `'${argument}[${i}]' must set exactly one field, got ${set.length}`,
      );
    }
    const [key, direction] = entry;
    const { expression, nullable } = sortExpression(vocabulary, kind, key, n);
    const dir = direction === 'DESC' ? ' DESC' : '';
    return nullable ? [`${expression} IS NULL`, `${expression}${dir}`] : [`${expression}${dir}`];
  });
}

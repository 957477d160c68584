/**
 * Public contract: which subgraph an export holds, and the checks every way of asking for one (HTTP parameters,
 * GraphQL input) goes through. Ranges are Query.neighborhood's and Query.shortestPath's; a failure is a
 * BAD_USER_INPUT error naming the parameter as the caller spelled it.
 */
import { BadUserInputError } from '../errors.ts';
import type { CrossReferenceFilter } from '../graph/cross-reference.ts';
import { MAX_NEIGHBORHOOD_DEPTH, MAX_NEIGHBORHOOD_NODES } from '../graph/neighborhood.ts';
import { MAX_HOPS } from '../graph/shortest-path.ts';
import type { RelationshipType } from '../model/vocabulary.ts';
import { checkRange } from '../argument-checks.ts';
import { isPartialDate } from '../model/partial-date.ts';

/** The most ids an `ids` selection may list. */
const MAX_EXPORT_IDS = 500;
/** The whole-graph export's caps: nodes in id order, then relationships among them. */
export const GRAPH_EXPORT_MAX_NODES = 5000;
export const GRAPH_EXPORT_MAX_EDGES = 20000;

interface Common {
  types: readonly RelationshipType[] | null;
  /** A partial date as given (the end of its period is the bound). */
  asOf: string | null;
}

export type ExportSelection =
  | ({ kind: 'neighborhood'; root: string; depth: number; limit: number } & Common)
  | ({ kind: 'path'; from: string; to: string; maxHops: number } & Common)
  | { kind: 'crossReference'; filter: CrossReferenceFilter; asOf: string | null }
  | ({ kind: 'ids'; ids: readonly string[] } & Common)
  | ({ kind: 'graph' } & Common);

/** What a caller gave, before checks: numbers may be absent (defaults apply). */
export type SelectionInput =
  | ({ kind: 'neighborhood'; root: string; depth?: number | null; limit?: number | null } & Partial<Common>)
  | ({ kind: 'path'; from: string; to: string; maxHops?: number | null } & Partial<Common>)
  | { kind: 'crossReference'; filter: CrossReferenceFilter; asOf?: string | null }
  | ({ kind: 'ids'; ids: readonly string[] } & Partial<Common>)
  | ({ kind: 'graph' } & Partial<Common>);

/**
 * Applies defaults and checks ranges. `name` turns a parameter into the name the caller used
 * (`depth` over HTTP, `selection.neighborhood.depth` in GraphQL).
 */
export function checkSelection(input: SelectionInput, name: (parameter: string) => string): ExportSelection {
  const asOf = input.asOf ?? null;
  if (asOf !== null && !isPartialDate(asOf)) {
    throw new BadUserInputError(
      name('asOf'),
      `'${name('asOf')}' must be a date YYYY, YYYY-MM or YYYY-MM-DD, got '${asOf}'`,
    );
  }
  const types = 'types' in input ? nonEmpty(input.types ?? null, name('types')) : null;
  switch (input.kind) {
    case 'neighborhood':
      return {
        kind: 'neighborhood',
        root: required(input.root, name('root')),
        depth: checkRange(name('depth'), input.depth ?? 1, 1, MAX_NEIGHBORHOOD_DEPTH),
        limit: checkRange(name('limit'), input.limit ?? 100, 1, MAX_NEIGHBORHOOD_NODES),
        types,
        asOf,
      };
    case 'path':
      return {
        kind: 'path',
        from: required(input.from, name('from')),
        to: required(input.to, name('to')),
        maxHops: checkRange(name('maxHops'), input.maxHops ?? 6, 1, MAX_HOPS),
        types,
        asOf,
      };
    case 'crossReference': {
      const f = input.filter;
      return {
        kind: 'crossReference',
        filter: {
          categories: nonEmpty(f.categories ?? null, name('categories')),
          companies: nonEmpty(f.companies ?? null, name('companies')),
          countries: nonEmpty(f.countries ?? null, name('countries')),
          programs: nonEmpty(f.programs ?? null, name('programs')),
          linkTypes: nonEmpty(f.linkTypes ?? null, name('linkTypes')),
          minCategories:
            f.minCategories === null || f.minCategories === undefined
              ? null
              : checkRange(name('minCategories'), f.minCategories, 1, 20),
        },
        asOf,
      };
    }
    case 'ids':
      if (input.ids.length === 0 || input.ids.length > MAX_EXPORT_IDS) {
        throw new BadUserInputError(
          name('ids'),
          `'${name('ids')}' must list between 1 and ${MAX_EXPORT_IDS} entity ids, got ${input.ids.length}`,
        );
      }
      return { kind: 'ids', ids: input.ids, types, asOf };
    case 'graph':
      return { kind: 'graph', types, asOf };
    default: {
      const never: never = input;
      throw new Error(`unknown selection ${JSON.stringify(never)}`);
    }
  }
}

function required(value: string, parameter: string): string {
  if (value.trim() === '') throw new BadUserInputError(parameter, `'${parameter}' must be an entity id, got ''`);
  return value;
}

function nonEmpty<T>(values: readonly T[] | null, parameter: string): readonly T[] | null {
  if (values !== null && values.length === 0) {
    throw new BadUserInputError(parameter, `'${parameter}' must not be an empty list; omit it to allow all`);
  }
  return values;
}

/** The parameters as one readable line for the file's metadata: `root=company:kioxia; depth=1`. */
export function describeParameters(selection: ExportSelection): string {
  const entries: Array<[string, unknown]> =
    selection.kind === 'crossReference'
      ? [...Object.entries(selection.filter), ['asOf', selection.asOf]]
      : Object.entries(selection).filter(([key]) => key !== 'kind');
  return entries
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`)
    .join('; ');
}

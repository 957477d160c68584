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
import { checkCrossReferenceFilter, checkRange, optionalList } from '../argument-checks.ts';
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

/** What a caller gave, coerced through the schema's input types (their defaults applied), before range checks. */
export type SelectionInput =
  | ({ kind: 'neighborhood'; root: string; depth?: number | null; limit?: number | null } & Partial<Common>)
  | ({ kind: 'path'; from: string; to: string; maxHops?: number | null } & Partial<Common>)
  | { kind: 'crossReference'; filter: CrossReferenceFilter; asOf?: string | null }
  | ({ kind: 'ids'; ids: readonly string[] } & Partial<Common>)
  | ({ kind: 'graph' } & Partial<Common>);

/**
 * Checks ranges (the defaults are schema.graphql's, applied by coercion). `name` turns a parameter into the name the caller used
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
  const types = 'types' in input ? optionalList(name('types'), input.types) : null;
  switch (input.kind) {
    case 'neighborhood':
      return {
        kind: 'neighborhood',
        root: required(input.root, name('root')),
        depth: checkRange(name('depth'), input.depth, 1, MAX_NEIGHBORHOOD_DEPTH),
        limit: checkRange(name('limit'), input.limit, 1, MAX_NEIGHBORHOOD_NODES),
        types,
        asOf,
      };
    case 'path':
      return {
        kind: 'path',
        from: required(input.from, name('from')),
        to: required(input.to, name('to')),
        maxHops: checkRange(name('maxHops'), input.maxHops, 1, MAX_HOPS),
        types,
        asOf,
      };
    case 'crossReference':
      return { kind: 'crossReference', filter: checkCrossReferenceFilter(input.filter, name), asOf };
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

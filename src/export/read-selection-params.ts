/**
 * Internal: an export's selection from HTTP parameters (the query string, or a POST's JSON body). Multi-valued
 * parameters are comma-separated, repeated, or (in JSON) arrays. Without `selection`, `root` means a
 * neighborhood, `from` and `to` a path, `ids` an ids selection. Unknown parameters are refused by name, so a typo
 * does not silently export something else. `measures` (any selection) names analytics to carry as attributes.
 */
import { BadUserInputError } from '../errors.ts';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../model/vocabulary.ts';
import { checkExportMeasures, type ExportMeasure } from './export-measures.ts';
import { checkSelection, type ExportSelection, type SelectionInput } from './export-selection.ts';

const COMMON = ['types', 'asOf'];
const PARAMETERS: Record<string, string[]> = {
  neighborhood: ['root', 'depth', 'limit', ...COMMON],
  path: ['from', 'to', 'maxHops', ...COMMON],
  'cross-reference': ['categories', 'companies', 'countries', 'programs', 'linkTypes', 'minCategories', 'asOf'],
  ids: ['ids', ...COMMON],
  graph: [...COMMON],
};

type Params = Record<string, unknown>;

function strings(params: Params, name: string): string[] | null {
  const value = params[name];
  if (value === undefined) return null;
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((v) => typeof v === 'string')) {
    throw new BadUserInputError(name, `'${name}' must be a string or a list of strings`);
  }
  return (values as string[])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function text(params: Params, name: string): string | null {
  const values = strings(params, name);
  if (values === null) return null;
  if (values.length !== 1)
    throw new BadUserInputError(name, `'${name}' must be given once, got ${values.length} values`);
  return values[0] ?? null;
}

function requiredText(params: Params, name: string): string {
  const value = text(params, name);
  if (value === null) throw new BadUserInputError(name, `'${name}' is required`);
  return value;
}

function integer(params: Params, name: string): number | null {
  const value = params[name];
  if (value === undefined) return null;
  if (typeof value === 'number') return value;
  const given = text(params, name);
  if (given === null || !/^-?\d+$/.test(given)) {
    throw new BadUserInputError(name, `'${name}' must be an integer, got '${String(given ?? '')}'`);
  }
  return Number(given);
}

function relationshipTypes(params: Params, name: string): RelationshipType[] | null {
  const values = strings(params, name);
  if (values === null) return null;
  for (const value of values) {
    if (!(value in RELATIONSHIP_TYPES)) {
      throw new BadUserInputError(name, `'${name}' must list relationship types such as PART_OF, got '${value}'`);
    }
  }
  return values as RelationshipType[];
}

function selectionKind(params: Params): string {
  const given = text(params, 'selection');
  if (given !== null) {
    if (!(given in PARAMETERS)) {
      throw new BadUserInputError(
        'selection',
        `'selection' must be one of ${Object.keys(PARAMETERS).join(', ')}, got '${given}'`,
      );
    }
    return given;
  }
  if (params['root'] !== undefined) return 'neighborhood';
  if (params['from'] !== undefined || params['to'] !== undefined) return 'path';
  if (params['ids'] !== undefined) return 'ids';
  throw new BadUserInputError(
    'selection',
    "'selection' is required unless 'root' (neighborhood), 'from' and 'to' (path) or 'ids' is given",
  );
}

/** The analytics the export carries as node attributes (`measures`, src/export/export-measures.ts). */
export function readMeasureParams(params: Params): ExportMeasure[] {
  return checkExportMeasures('measures', strings(params, 'measures'));
}

export function readSelectionParams(params: Params): ExportSelection {
  const kind = selectionKind(params);
  const allowed = new Set(['selection', 'measures', ...(PARAMETERS[kind] ?? [])]);
  for (const name of Object.keys(params)) {
    if (!allowed.has(name)) {
      throw new BadUserInputError(
        name,
        `'${name}' is not a parameter of a ${kind} export; it takes ${[...allowed].join(', ')}`,
      );
    }
  }
  const common = { types: relationshipTypes(params, 'types'), asOf: text(params, 'asOf') };
  let input: SelectionInput;
  switch (kind) {
    case 'neighborhood':
      input = {
        kind,
        root: requiredText(params, 'root'),
        depth: integer(params, 'depth'),
        limit: integer(params, 'limit'),
        ...common,
      };
      break;
    case 'path':
      input = {
        kind,
        from: requiredText(params, 'from'),
        to: requiredText(params, 'to'),
        maxHops: integer(params, 'maxHops'),
        ...common,
      };
      break;
    case 'cross-reference':
      input = {
        kind: 'crossReference',
        filter: {
          categories: strings(params, 'categories'),
          companies: strings(params, 'companies'),
          countries: strings(params, 'countries'),
          programs: strings(params, 'programs'),
          linkTypes: relationshipTypes(params, 'linkTypes'),
          minCategories: integer(params, 'minCategories'),
        },
        asOf: common.asOf,
      };
      break;
    case 'ids':
      input = { kind, ids: strings(params, 'ids') ?? [], ...common };
      break;
    default:
      input = { kind: 'graph', ...common };
  }
  return checkSelection(input, (parameter) => parameter);
}

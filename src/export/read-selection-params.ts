/**
 * Internal: an export's selection from HTTP parameters (the query string, or a POST's JSON body), coerced through
 * the schema's input types (NeighborhoodSelection, PathSelection, CrossReferenceSelection with its
 * CrossReferenceFilter, IdsSelection, WholeGraphSelection), so their types, enum values and defaults come from
 * schema.graphql as they do for Query.exportGraph. HTTP gives text: a parameter whose field is a list is
 * comma-separated, repeated, or (in JSON) an array; an Int field's text is read as an integer. Without
 * `selection`, `root` means a neighborhood, `from` and `to` a path, `ids` an ids selection. Unknown parameters
 * are refused by name, so a typo does not silently export something else. `measures` (any selection) names
 * analytics to carry as attributes.
 */
import {
  coerceInputValue,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLSchema,
} from 'graphql';
import { BadUserInputError } from '../errors.ts';
import { checkExportMeasures, type ExportMeasure } from './export-measures.ts';
import { checkSelection, type ExportSelection, type SelectionInput } from './export-selection.ts';

/** Each HTTP selection's input type; a cross-reference's filter fields are parameters of their own. */
const INPUT_TYPES = {
  neighborhood: 'NeighborhoodSelection',
  path: 'PathSelection',
  'cross-reference': 'CrossReferenceSelection',
  ids: 'IdsSelection',
  graph: 'WholeGraphSelection',
} as const;
type SelectionName = keyof typeof INPUT_TYPES;
const NESTED_FILTER = 'filter';

type Params = Record<string, unknown>;

function strings(params: Params, name: string): string[] | null {
  const value = params[name];
  if (value === undefined) return null;
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((v) => typeof v === 'string' || typeof v === 'number')) {
    throw new BadUserInputError(name, `'${name}' must be a string or a list of strings`);
  }
  return values
    .flatMap((v) => String(v).split(','))
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

/** A parameter's value as the JSON its input field takes: a list of texts, an integer, or a text. */
function fieldValue(params: Params, name: string, field: GraphQLInputField): unknown {
  const type = getNullableType(field.type);
  if (isListType(type)) return strings(params, name);
  const value = params[name];
  if (getNamedType(type).name === 'Int' && typeof value !== 'number') {
    const given = text(params, name);
    if (given === null || !/^-?\d+$/.test(given)) {
      throw new BadUserInputError(name, `'${name}' must be an integer, got '${given ?? ''}'`);
    }
    return Number(given);
  }
  return typeof value === 'number' ? value : text(params, name);
}

/** The parameters an input type takes: its fields, a nested filter's fields in its place. */
function parametersOf(type: GraphQLInputObjectType): Map<string, { field: GraphQLInputField; nested?: string }> {
  const parameters = new Map<string, { field: GraphQLInputField; nested?: string }>();
  for (const field of Object.values(type.getFields())) {
    const fieldType = getNullableType(field.type);
    if (field.name === NESTED_FILTER && isInputObjectType(fieldType)) {
      for (const inner of Object.values(fieldType.getFields())) {
        parameters.set(inner.name, { field: inner, nested: field.name });
      }
    } else {
      parameters.set(field.name, { field });
    }
  }
  return parameters;
}

/** The input type's value from the parameters, coerced by graphql-js (defaults, enums, scalars, required fields). */
function coerceParams(
  params: Params,
  selection: SelectionName,
  type: GraphQLInputObjectType,
  allowed: Set<string>,
): Record<string, unknown> {
  const parameters = parametersOf(type);
  const raw: Record<string, Record<string, unknown> | unknown> = {};
  for (const name of Object.keys(params)) {
    const parameter = parameters.get(name);
    if (parameter === undefined) {
      if (allowed.has(name)) continue;
      throw new BadUserInputError(
        name,
        `'${name}' is not a parameter of a ${selection} export; it takes ${[...allowed, ...parameters.keys()].join(', ')}`,
      );
    }
    const value = fieldValue(params, name, parameter.field);
    if (parameter.nested === undefined) raw[name] = value;
    else raw[parameter.nested] = { ...((raw[parameter.nested] as Record<string, unknown>) ?? {}), [name]: value };
  }
  return coerceInputValue(raw, type, (path, invalid, error) => {
    // The parameter as the caller spelled it: a nested filter's field goes by its own name.
    const name = String(path.filter((key) => key !== NESTED_FILTER)[0] ?? missingField(type, invalid));
    throw new BadUserInputError(name, `'${name}': ${error.message}`);
  }) as Record<string, unknown>;
}

/** A required field the caller left out (graphql-js reports it at the input object's path). */
function missingField(type: GraphQLInputObjectType, given: unknown): string {
  const present = new Set(Object.keys((given as Record<string, unknown> | null) ?? {}));
  const field = Object.values(type.getFields()).find(
    (f) => f.type.toString().endsWith('!') && f.defaultValue === undefined && !present.has(f.name),
  );
  return field?.name ?? 'selection';
}

function selectionName(params: Params): SelectionName {
  const given = text(params, 'selection');
  if (given !== null) {
    if (!(given in INPUT_TYPES)) {
      throw new BadUserInputError(
        'selection',
        `'selection' must be one of ${Object.keys(INPUT_TYPES).join(', ')}, got '${given}'`,
      );
    }
    return given as SelectionName;
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

/** The selection the parameters ask for, checked as Query.exportGraph's is; `schema` is the served schema. */
export function readSelectionParams(params: Params, schema: GraphQLSchema): ExportSelection {
  const name = selectionName(params);
  const type = schema.getType(INPUT_TYPES[name]);
  if (!isInputObjectType(type)) throw new Error(`schema.graphql has no input ${INPUT_TYPES[name]}`);
  const value = coerceParams(params, name, type, new Set(['selection', 'measures']));
  const input = (
    name === 'cross-reference'
      ? { kind: 'crossReference', filter: value[NESTED_FILTER] ?? {}, asOf: value['asOf'] ?? null }
      : { kind: name, ...value }
  ) as SelectionInput;
  return checkSelection(input, (parameter) => parameter);
}

/**
 * Internal: the cost model, an estimate of the work an operation asks for before it runs (graphql-query-complexity
 * walks the operation with the variables applied; this file supplies the estimator).
 *
 * The unit is roughly "one row the database reads and the server serializes":
 * - a scalar or enum field costs 1, an object field 1 plus its selection;
 * - a connection costs its page size x (1 + its selection): `first`, or `last` (a page from the end reads as many
 *   rows), or the connection's default page when neither is given (src/limits/page-sizes.ts); its edges are
 *   counted by it;
 * - any other field with `first` costs `first` x (1 + its selection);
 * - Query.neighborhood costs 10 + limit x (depth + selection per node); its Subgraph's nodes and edges are
 *   counted by it (edges join returned nodes, about as many as the nodes);
 * - Query.shortestPath costs 10 + 10 x maxHops + (maxHops + 1) x (selection per step);
 * - any other list of objects (Company.materials, Entity.sources, ...) counts LIST_SIZE_ESTIMATE items, or the
 *   `listSize` its `@cost` declares in schema.graphql;
 * - every Query field starts at the `base` its `@cost` declares; one without (a field added later, such as an
 *   export) starts at UNKNOWN_ROOT_COST, so it is covered until it gets an estimate of its own;
 * - a list read by a filter no index can serve (`where` without an id, name or document seek), or sorted by a key
 *   no index orders (anything but name and id), reads every entity of its kind however small its page: it adds
 *   SCAN_COST, which is the heavy threshold's default, so such a read is admitted as heavy; so does each
 *   `aggregate` and `groupBy` of a connection (they read every match), once whatever the page size.
 * Introspection (GraphiQL's schema query) is bounded by the schema, so its lists count once.
 */
import { getNamedType, getNullableType, isLeafType, isListType, Kind } from 'graphql';
import type { DocumentNode, FieldNode, GraphQLOutputType, GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { defaultPageSize } from './page-sizes.ts';
import { indexedBy, type WhereInput } from '../graph/where-filter.ts';
import { declaredCost } from './schema-directives.ts';

/** Items assumed for a list with no size argument (most typed lists hold a handful of entities). */
export const LIST_SIZE_ESTIMATE = 5;
/** Start cost of a Query field the model does not know. */
export const UNKNOWN_ROOT_COST = 1_000;
/** What reading a whole kind costs (see the module comment): a filter or order no index serves. */
export const SCAN_COST = 500;

/** Sort keys an index orders (a kind's list walks its (kind, nameKey), (kind, id) or (kind, degree) index). */
const INDEXED_SORT_KEYS = new Set(['name', 'id', 'degree']);

/** SCAN_COST when a list's `where` or `sort` makes it read its whole kind, else 0. */
function scanCost(args: Record<string, unknown>): number {
  const where = args['where'];
  const sort = args['sort'];
  const unindexedWhere = typeof where === 'object' && where !== null && !indexedBy(where as WhereInput);
  const unindexedSort =
    Array.isArray(sort) && sort.some((key) => Object.keys(key as object).some((name) => !INDEXED_SORT_KEYS.has(name)));
  return unindexedWhere || unindexedSort ? SCAN_COST : 0;
}

/**
 * Fields that read every match of their connection's filter, not a page: each costs SCAN_COST (its groups, at
 * most 100, are small beside the read).
 */
const READS_EVERY_MATCH = new Set(['aggregate', 'groupBy']);

/** How many such fields a connection selects directly (in fragments they count per row: an overestimate). */
function readsOfEveryMatch(node: FieldNode): number {
  return (node.selectionSet?.selections ?? []).filter(
    (selection) => selection.kind === Kind.FIELD && READS_EVERY_MATCH.has(selection.name.value),
  ).length;
}

/** exportGraph by its selection: about the rows it reads (the whole-graph cap is 5,000 nodes). */
function exportCost(args: Record<string, unknown>): number {
  const selection = (args['selection'] ?? {}) as Record<string, Record<string, unknown> | undefined>;
  if (selection['neighborhood']) {
    const n = selection['neighborhood'];
    return 10 + (numberArg(n, 'limit') ?? 100) * (numberArg(n, 'depth') ?? 1) * 2;
  }
  if (selection['path']) return 10 + 10 * (numberArg(selection['path'], 'maxHops') ?? 6);
  if (selection['ids']) {
    const ids = selection['ids']['ids'];
    return 10 + 2 * (Array.isArray(ids) ? ids.length : 500);
  }
  if (selection['crossReference']) return 2_000;
  return 10_000;
}

/**
 * A typed list's `first` (Company.materials, Material.suppliers, ...) is a cap on a list of neighbours, not a page
 * that fills: it counts as the smaller of `first` and the list estimate.
 */
const isTypedListCap = (typeName: string, fieldName: string, schemaTypeHasEntity: boolean) =>
  schemaTypeHasEntity && fieldName !== 'relationships' && typeName !== 'Query';

/** Lists whose length the parent field already counted (its `first`, `limit` or `maxHops`). */
const COUNTED_BY_PARENT = new Set(['Subgraph.nodes', 'Subgraph.edges', 'Path.nodes', 'Path.edges']);

const isList = (t: GraphQLOutputType): boolean => isListType(getNullableType(t));
const isLeaf = (t: GraphQLOutputType): boolean => isLeafType(getNamedType(t));

const numberArg = (args: Record<string, unknown>, name: string): number | undefined => {
  const value = args[name];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
};

/** The name of a field's type, lists and non-null unwrapped. */
const namedTypeName = (t: GraphQLOutputType): string => getNamedType(t).name;

/** A connection's page size argument, 0 included (an empty page costs its start alone). */
const pageSizeArg = (args: Record<string, unknown>, name: string): number | undefined => {
  const value = args[name];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
};

const costEstimator =
  (schema: GraphQLSchema): ComplexityEstimator =>
  ({ type, field, node, args, childComplexity }) => {
    const coordinate = `${type.name}.${field.name}`;
    if (type.name.startsWith('__') || field.name.startsWith('__')) return 1 + childComplexity;

    const declared = declaredCost(schema, field);
    const base = type.name === 'Query' ? (declared.base ?? UNKNOWN_ROOT_COST) : 0;
    if (coordinate === 'Query.neighborhood') {
      const limit = numberArg(args, 'limit') ?? 1;
      const depth = numberArg(args, 'depth') ?? 1;
      return base + limit * (depth + childComplexity);
    }
    if (coordinate === 'Query.exportGraph') return exportCost(args) + childComplexity;
    if (coordinate === 'Query.shortestPath') {
      const maxHops = numberArg(args, 'maxHops') ?? 1;
      return base + 10 * maxHops + (maxHops + 1) * childComplexity;
    }
    if (namedTypeName(field.type).endsWith('Connection')) {
      const size = pageSizeArg(args, 'first') ?? pageSizeArg(args, 'last') ?? defaultPageSize(coordinate);
      // aggregate and groupBy cost once, not once per row of the page.
      const everyMatch = SCAN_COST * readsOfEveryMatch(node);
      return base + scanCost(args) + everyMatch + size * (1 + childComplexity - everyMatch);
    }
    if (type.name.endsWith('Connection') && READS_EVERY_MATCH.has(field.name)) return SCAN_COST;
    const first = numberArg(args, 'first');
    const implementsEntity = 'getInterfaces' in type && type.getInterfaces().some((i) => i.name === 'Entity');
    if (first !== undefined && isTypedListCap(type.name, field.name, implementsEntity)) {
      // A where on a typed list filters each parent's links (bounded by its degree): one more row per condition.
      const filtered = args['where'] ? LIST_SIZE_ESTIMATE : 0;
      return base + filtered + Math.min(first, LIST_SIZE_ESTIMATE) * (1 + childComplexity);
    }
    // A slice of a list of known size (a disruption's lists) counts as the smaller of `first` and that size.
    const knownSize = declared.listSize;
    if (first !== undefined && knownSize !== undefined)
      return base + Math.min(first, knownSize) * (1 + childComplexity);
    if (first !== undefined) return base + first * (1 + childComplexity);

    if (isLeaf(field.type)) return base + 1;
    if (!isList(field.type) || COUNTED_BY_PARENT.has(coordinate) || type.name.endsWith('Connection')) {
      return base + 1 + childComplexity;
    }
    return base + (declared.listSize ?? LIST_SIZE_ESTIMATE) * (1 + childComplexity);
  };

/**
 * The estimated cost of the operation `operationName` (the only one when omitted) with `variables` applied.
 * Throws a GraphQLError when the variables do not fit the operation (execution would reject them too).
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    ...(operationName ? { operationName } : {}),
    estimators: [costEstimator(schema)],
  });
}

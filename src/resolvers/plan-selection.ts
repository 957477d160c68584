/**
 * Internal: translates a root field's selection into the typed relationship fields its statement reads
 * (src/graph/planned-fields.ts). A root field (Query.entity, node, entities, a kind's list, search, neighborhood,
 * crossReference) plans once, before it reads: it walks its selection below the entities it returns, through
 * inline and named fragments and under every alias, with graphql-js's own collectSubfields, and plans each typed
 * relationship field it finds, with its arguments, its response key and the fields below it. The resolvers of
 * those fields then read their rows from the parent row (EntityRow.planned), by response key.
 *
 * A field is left to its resolver, which reads it through the related loader, when:
 * - its arguments are invalid (the resolver reports the error) or differ between two nodes under one response key
 *   (aliases of one entity, e.g. `a: node { materials(first: 1) } b: node { materials(first: 2) }`);
 * - it lies below a field that is not planned (or below Subsidy.grantor, Entity.relationships, ...);
 * - the selection already planned MAX_PLANNED_FIELDS fields (breadth first: the nearest levels are planned).
 */
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
// Imported from the module execution uses, like collectSubfields in ./projection.ts (see there).
import { getArgumentValues } from 'graphql/execution/values.js';
import type { PlannedField, Refinement } from '../graph/planned-fields.ts';
import { sortKeys, type SortInput } from '../graph/sort-keys.ts';
import { WhereCompiler, type WhereInput } from '../graph/where-filter.ts';
import type { Projection, RelatedSpec } from '../graph/related-entities.ts';
import type { RelatedFieldSpec } from '../model/typed-fields.ts';
import { targetKindOf } from '../model/kind-list-names.ts';
import { MAX_TYPED_LIST } from '../model/typed-fields.ts';
import type { Vocabulary } from '../model/vocabulary.ts';
import { asOfBound, checkRange } from '../argument-checks.ts';
import { entityProjection, fieldDefinition, nodesOfField, selectedFields } from './projection.ts';

/**
 * The most typed relationship fields one root statement reads. Each is a subquery Neo4j plans; the fields beyond
 * are read by their resolvers through the related loader (one statement per field and level for all parents).
 */
export const MAX_PLANNED_FIELDS = 8;

export interface TypedFieldArgs {
  asOf?: string | null;
  first?: number;
  where?: WhereInput | null;
  sort?: readonly SortInput[] | null;
}

/**
 * A typed list field's where and sort as a refinement of its rows, or undefined without them; throws the
 * BAD_USER_INPUT error of an invalid one (a sort element with two keys, `via` outside the field's types, ...).
 */
export function refinementOf(
  field: RelatedFieldSpec,
  args: TypedFieldArgs,
  vocabulary: Vocabulary,
): Refinement | undefined {
  const where = args.where ?? null;
  const sort = args.sort ?? [];
  if (where === null && sort.length === 0) return undefined;
  const refine = { vocabulary, kind: targetKindOf(field), where, sort };
  new WhereCompiler(vocabulary).compile(where, refine.kind, 'm');
  sortKeys(vocabulary, refine.kind, sort, 'm');
  return refine;
}

/**
 * The spec a typed field's arguments ask for, reading `projection` of each row; throws the argument's
 * BAD_USER_INPUT error when out of range.
 */
export function relatedSpecOf(
  field: RelatedFieldSpec,
  args: TypedFieldArgs,
  projection: Projection = 'full',
): RelatedSpec {
  return {
    direction: field.direction,
    types: field.types,
    kinds: field.kinds ?? null,
    asOf: asOfBound(args.asOf),
    offset: 0,
    limit: field.single ? 1 : checkRange('first', args.first ?? MAX_TYPED_LIST, 1, MAX_TYPED_LIST),
    count: false,
    projection,
  };
}

/** What of each row a typed field's selection reads (Subsidy rows: every property). */
export function projectionOf(
  field: RelatedFieldSpec,
  fieldNodes: readonly FieldNode[],
  info: GraphQLResolveInfo,
  vocabulary: Vocabulary,
): Projection {
  return field.rowsAs ? 'full' : entityProjection(info, fieldNodes, kindsOf(field, vocabulary), vocabulary);
}

function kindsOf(field: RelatedFieldSpec, vocabulary: Vocabulary): readonly string[] {
  return field.kinds ?? Object.keys(vocabulary.kinds);
}

/**
 * The arguments of the field `nodes` select (one response key), or null when they are invalid or differ between
 * the nodes.
 */
function argumentsOf(
  info: GraphQLResolveInfo,
  kind: string,
  field: RelatedFieldSpec,
  nodes: readonly FieldNode[],
  vocabulary: Vocabulary,
): TypedFieldArgs | null {
  const definition = fieldDefinition(info, kind, nodes[0]?.name.value ?? '');
  if (!definition) return null;
  try {
    const all = nodes.map((node) => getArgumentValues(definition, node, info.variableValues) as TypedFieldArgs);
    const [args] = all;
    if (!args || all.some((other) => JSON.stringify(other) !== JSON.stringify(args))) return null;
    relatedSpecOf(field, args); // throws the argument errors
    refinementOf(field, args, vocabulary);
    return args;
  } catch {
    return null;
  }
}

interface MutablePlannedField extends PlannedField {
  fields: PlannedField[];
}

/** Entities (of one of `kinds`) whose selection is `nodes`, and where the fields planned on them go. */
interface Level {
  kinds: readonly string[];
  nodes: readonly FieldNode[];
  into: PlannedField[];
}

/**
 * The typed relationship fields selected below `nodes` on entities of `kinds` (the kinds the root's entities may
 * be), planned breadth first up to MAX_PLANNED_FIELDS. With several kinds, each field is read only for entities
 * of the kind whose type selects it (`... on Company { materials }`).
 */
export function planFields(
  info: GraphQLResolveInfo,
  nodes: readonly FieldNode[],
  kinds: readonly string[],
  vocabulary: Vocabulary,
): PlannedField[] {
  return planEach(info, [{ nodes, kinds }], vocabulary)[0] ?? [];
}

/**
 * planFields for a root field whose rows carry several entities (a cross-reference row's company, material and
 * category): the fields planned on each, in the order of `roots`, sharing one MAX_PLANNED_FIELDS.
 */
export function planEach(
  info: GraphQLResolveInfo,
  roots: ReadonlyArray<{ nodes: readonly FieldNode[]; kinds: readonly string[] }>,
  vocabulary: Vocabulary,
): PlannedField[][] {
  const queue: Level[] = roots.map(({ nodes, kinds }) => ({ kinds, nodes, into: [] }));
  const planned = queue.map((level) => level.into);
  let room = MAX_PLANNED_FIELDS;
  for (let level = queue.shift(); level && room > 0; level = queue.shift()) {
    const names = selectedNames(info, level.nodes);
    // Only the kinds that have a typed relationship field of a selected name need their selection collected.
    const candidates = level.kinds.filter((kind) =>
      [...names].some((name) => vocabulary.kinds[kind]?.fields[name]?.of === 'related'),
    );
    for (const kind of candidates) {
      for (const [key, fieldNodes] of selectedFields(info, level.nodes, kind) ?? []) {
        const typed = vocabulary.kinds[kind]?.fields[fieldNodes[0]?.name.value ?? ''];
        if (typed?.of !== 'related' || room === 0) continue;
        const args = argumentsOf(info, kind, typed, fieldNodes, vocabulary);
        if (args === null) continue;
        room -= 1;
        const refine = refinementOf(typed, args, vocabulary);
        const field: MutablePlannedField = {
          key,
          onKind: level.kinds.length > 1 ? kind : null,
          spec: relatedSpecOf(typed, args, projectionOf(typed, fieldNodes, info, vocabulary)),
          ...(refine ? { refine } : {}),
          fields: [],
        };
        level.into.push(field);
        if (!typed.rowsAs) queue.push({ kinds: kindsOf(typed, vocabulary), nodes: fieldNodes, into: field.fields });
      }
    }
  }
  return planned;
}

/** The names of the fields selected directly below `nodes`, through fragments, whatever their type conditions. */
function selectedNames(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): Set<string> {
  const names = new Set<string>();
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        walk(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of nodes) walk(node.selectionSet);
  return names;
}

/** planFields for a root field that returns entities of any kind (Query.entity, Query.node). */
export function planEntityFields(info: GraphQLResolveInfo, vocabulary: Vocabulary): PlannedField[] {
  return planFields(info, info.fieldNodes, Object.keys(vocabulary.kinds), vocabulary);
}

/**
 * The nodes of the entities a root field returns at the end of `path` (e.g. [['EntityConnection', 'edges'],
 * ['EntityEdge', 'node']]), under every alias: the fields planned on an entity serve all of them.
 */
export function entityNodes(
  info: GraphQLResolveInfo,
  path: ReadonlyArray<readonly [typeName: string, fieldName: string]>,
): readonly FieldNode[] {
  return path.reduce<readonly FieldNode[]>(
    (nodes, [typeName, fieldName]) => nodesOfField(selectedFields(info, nodes, typeName), fieldName),
    info.fieldNodes,
  );
}

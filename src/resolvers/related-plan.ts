/**
 * Internal: what a typed relationship field asks the related loader for. Its spec comes from its arguments; its
 * plan also names the typed relationship fields selected below it (Company.materials { suppliers { country } }),
 * so the loader reads the whole tree in one statement (src/graph/related-tree.ts) rather than one per level.
 * Each field below computes its own plan from the same selection when it resolves, finds it equal to the one its
 * parent read, and is served from the primed loader.
 */
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
// Imported from the module execution uses, like collectSubfields in ./projection.ts (see there).
import { getArgumentValues } from 'graphql/execution/values.js';
import type { Projection, RelatedSpec } from '../graph/related-entities.ts';
import type { KindPlan, RelatedPlan } from '../graph/related-tree.ts';
import type { RelatedFieldSpec } from '../model/typed-fields.ts';
import { MAX_TYPED_LIST } from '../model/typed-fields.ts';
import type { Vocabulary } from '../model/vocabulary.ts';
import { asOfBound, checkRange } from '../argument-checks.ts';
import { entityProjection, fieldDefinition, selectedFields } from './projection.ts';
import { getOrCreate } from '../get-or-create.ts';

/**
 * The most levels one tree statement reads (the field's own and those below it). A bigger selection is read as
 * subtrees of at most this size, so a statement stays quick for Neo4j to plan.
 */
export const MAX_PLANS_PER_TREE = 8;

export interface TypedFieldArgs {
  asOf?: string | null;
  first?: number;
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

function countPlans(plans: readonly RelatedPlan[]): number {
  return plans.reduce((n, plan) => n + 1 + countPlans(plan.children), 0);
}

/**
 * The plan of a typed field from its nodes in the operation: its spec, the projection its selection needs and
 * the plans of the typed relationship fields selected below it. The fields below are looked into only when the
 * field returns one kind's type (its selection's fields are then known); a field with an argument error is left
 * to its resolver, which reports it. No children when the tree would exceed MAX_PLANS_PER_TREE: the fields below
 * then plan their own smaller trees.
 */
function planOfNodes(
  field: RelatedFieldSpec,
  args: TypedFieldArgs,
  fieldNodes: readonly FieldNode[],
  info: GraphQLResolveInfo,
  vocabulary: Vocabulary,
): RelatedPlan {
  const kinds = field.kinds ?? Object.keys(vocabulary.kinds);
  const projection = field.rowsAs ? 'full' : entityProjection(info, fieldNodes, kinds, vocabulary);
  // The fields below are known only when the field returns one kind's type.
  const kind = kinds.length === 1 && !field.rowsAs ? kinds[0] : undefined;
  const children = kind === undefined ? [] : typedFieldPlans(kind, fieldNodes, info, vocabulary);
  return {
    spec: relatedSpecOf(field, args, projection),
    children: 1 + countPlans(children) <= MAX_PLANS_PER_TREE ? children : [],
  };
}

/**
 * The plans of the typed relationship fields selected on entities of `kind` below `fieldNodes` (each with its
 * arguments; one with an argument error is left out, for its resolver to report).
 */
function typedFieldPlans(
  kind: string,
  fieldNodes: readonly FieldNode[],
  info: GraphQLResolveInfo,
  vocabulary: Vocabulary,
): RelatedPlan[] {
  const plans: RelatedPlan[] = [];
  for (const nodes of selectedFields(info, fieldNodes, kind)?.values() ?? []) {
    const name = nodes[0]?.name.value ?? '';
    const typed = vocabulary.kinds[kind]?.fields[name];
    const definition = fieldDefinition(info, kind, name);
    if (typed?.of !== 'related' || !definition || !nodes[0]) continue;
    try {
      const args = getArgumentValues(definition, nodes[0], info.variableValues) as TypedFieldArgs;
      plans.push(planOfNodes(typed, args, nodes, info, vocabulary));
    } catch {
      // Its resolver reports the argument error.
    }
  }
  return plans;
}

/**
 * The plans of the typed relationship fields selected on the entity being resolved (Query.entity), by kind: one
 * statement reads the entity and them. None when they would exceed MAX_PLANS_PER_TREE in all: the fields then
 * plan their own trees.
 */
export function entityPlans(info: GraphQLResolveInfo, vocabulary: Vocabulary): KindPlan[] {
  const plans = Object.keys(vocabulary.kinds).flatMap((kind) =>
    typedFieldPlans(kind, info.fieldNodes, info, vocabulary).map((plan) => ({ kind, plan })),
  );
  return countPlans(plans.map(({ plan }) => plan)) <= MAX_PLANS_PER_TREE ? plans : [];
}

/** Plans by field nodes, then by the operation's variables: a list's items share them, so each is planned once. */
const planned = new WeakMap<readonly FieldNode[], WeakMap<object, RelatedPlan>>();

/** The plan of the typed field being resolved (see planOfNodes); throws its argument errors. */
export function planOf(
  field: RelatedFieldSpec,
  args: TypedFieldArgs,
  info: GraphQLResolveInfo,
  vocabulary: Vocabulary,
): RelatedPlan {
  relatedSpecOf(field, args); // the argument errors, before any planning
  const byVariables = getOrCreate(planned, info.fieldNodes, () => new WeakMap());
  return getOrCreate(byVariables, info.variableValues, () =>
    planOfNodes(field, args, info.fieldNodes, info, vocabulary),
  );
}

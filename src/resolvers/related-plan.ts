/**
 * Internal: what a typed relationship field asks the related loader for. Its spec comes from its arguments; its
 * plan also names the typed relationship fields selected below it (Company.materials { suppliers { country } }),
 * so the loader reads the whole tree in one statement (src/graph/related-tree.ts) rather than one per level.
 * Each field below computes its own plan from the same selection when it resolves, finds it equal to the one its
 * parent read, and is served from the primed loader.
 */
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
// graphql-js 16 exports the grouping of a field's sub-selection (collectSubfields) only from its execution module;
// it is the one execution itself uses, so the plans below are made of exactly the fields the resolvers will be
// asked for. All three are imported from the modules execution uses (not the package's ESM entry, which a bundler
// may pick), so the schema's types are of the same graphql-js instance as the functions that check them.
import { collectSubfields } from 'graphql/execution/collectFields.js';
import { getArgumentValues } from 'graphql/execution/values.js';
import { isObjectType } from 'graphql/type/definition.js';
import type { RelatedSpec } from '../graph/related-entities.ts';
import type { RelatedPlan } from '../graph/related-tree.ts';
import type { RelatedFieldSpec } from '../model/typed-fields.ts';
import { MAX_TYPED_LIST } from '../model/typed-fields.ts';
import type { Vocabulary } from '../model/vocabulary.ts';
import { asOfBound, checkRange } from './arguments.ts';

/**
 * The most levels one tree statement reads (the field's own and those below it). A bigger selection is read as
 * subtrees of at most this size, so a statement stays quick for Neo4j to plan.
 */
export const MAX_PLANS_PER_TREE = 8;

export interface TypedFieldArgs {
  asOf?: string | null;
  first?: number;
}

/** The spec a typed field's arguments ask for; throws the argument's BAD_USER_INPUT error when out of range. */
export function relatedSpecOf(field: RelatedFieldSpec, args: TypedFieldArgs): RelatedSpec {
  return {
    direction: field.direction,
    types: field.types,
    kinds: field.kinds ?? null,
    asOf: asOfBound(args.asOf),
    offset: 0,
    limit: field.single ? 1 : checkRange('first', args.first ?? MAX_TYPED_LIST, 1, MAX_TYPED_LIST),
    count: false,
  };
}

function countPlans(plans: readonly RelatedPlan[]): number {
  return plans.reduce((n, plan) => n + 1 + countPlans(plan.children), 0);
}

/**
 * The plans of the typed relationship fields selected on what `field` returns, given the field's nodes in the
 * operation. Only a field that returns one kind's type is looked into (its selection's fields are then known);
 * a field with an argument error is left to its resolver, which reports it. Empty when the tree would exceed
 * MAX_PLANS_PER_TREE: the fields below then plan their own smaller trees.
 */
function plansBelowNodes(
  field: RelatedFieldSpec,
  fieldNodes: readonly FieldNode[],
  info: GraphQLResolveInfo,
  vocabulary: Vocabulary,
): RelatedPlan[] {
  const kind = field.kinds?.length === 1 ? field.kinds[0] : undefined;
  const type = kind === undefined || field.rowsAs ? undefined : info.schema.getType(kind);
  if (kind === undefined || !isObjectType(type)) return [];
  const plans: RelatedPlan[] = [];
  const selected = collectSubfields(info.schema, info.fragments, info.variableValues, type, fieldNodes);
  for (const nodes of selected.values()) {
    const name = nodes[0]?.name.value ?? '';
    const typed = vocabulary.kinds[kind]?.fields[name];
    const definition = type.getFields()[name];
    if (typed?.of !== 'related' || !definition || !nodes[0]) continue;
    let spec: RelatedSpec;
    try {
      spec = relatedSpecOf(typed, getArgumentValues(definition, nodes[0], info.variableValues));
    } catch {
      continue;
    }
    plans.push({ spec, children: plansBelowNodes(typed, nodes, info, vocabulary) });
  }
  return 1 + countPlans(plans) <= MAX_PLANS_PER_TREE ? plans : [];
}

/** Plans by field nodes, then by the operation's variables: a list's items share them, so each is planned once. */
const planned = new WeakMap<readonly FieldNode[], WeakMap<object, RelatedPlan[]>>();

/** The plans of the typed relationship fields selected below the field being resolved (see plansBelowNodes). */
export function plansBelow(field: RelatedFieldSpec, info: GraphQLResolveInfo, vocabulary: Vocabulary): RelatedPlan[] {
  let byVariables = planned.get(info.fieldNodes);
  if (!byVariables) {
    byVariables = new WeakMap();
    planned.set(info.fieldNodes, byVariables);
  }
  let plans = byVariables.get(info.variableValues);
  if (!plans) {
    plans = plansBelowNodes(field, info.fieldNodes, info, vocabulary);
    byVariables.set(info.variableValues, plans);
  }
  return plans;
}

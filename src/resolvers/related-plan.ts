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
import type { Projection, RelatedSpec } from '../graph/related-entities.ts';
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

/** The Entity fields a core row (Projection) serves; typed relationship fields need only the id too. */
const CORE_FIELDS = new Set(['id', 'name', 'kind', '__typename']);

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
  const children: RelatedPlan[] = [];
  let core = !field.rowsAs;
  for (const kind of field.rowsAs ? [] : kinds) {
    const type = info.schema.getType(kind);
    if (!isObjectType(type)) {
      core = false;
      continue;
    }
    const selected = collectSubfields(info.schema, info.fragments, info.variableValues, type, fieldNodes);
    for (const nodes of selected.values()) {
      const node = nodes[0];
      const name = node?.name.value ?? '';
      const typed = vocabulary.kinds[kind]?.fields[name];
      const definition = type.getFields()[name];
      if (typed?.of !== 'related' || !definition || !node) {
        core &&= CORE_FIELDS.has(name);
        continue;
      }
      if (kinds.length !== 1) continue;
      try {
        const childArgs = getArgumentValues(definition, node, info.variableValues) as TypedFieldArgs;
        children.push(planOfNodes(typed, childArgs, nodes, info, vocabulary));
      } catch {
        // Its resolver reports the argument error.
      }
    }
  }
  return {
    spec: relatedSpecOf(field, args, core ? 'core' : 'full'),
    children: 1 + countPlans(children) <= MAX_PLANS_PER_TREE ? children : [],
  };
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
  let byVariables = planned.get(info.fieldNodes);
  if (!byVariables) {
    byVariables = new WeakMap();
    planned.set(info.fieldNodes, byVariables);
  }
  let plan = byVariables.get(info.variableValues);
  if (!plan) {
    plan = planOfNodes(field, args, info.fieldNodes, info, vocabulary);
    byVariables.set(info.variableValues, plan);
  }
  return plan;
}

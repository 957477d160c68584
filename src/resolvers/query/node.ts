/** Query.node and Query.entity: by id; null when there is no such object. */
import type { QueryResolvers } from '../../generated/graphql.ts';
import { entityPlans } from '../related-plan.ts';

export const node: QueryResolvers['node'] = async (_parent, { id }, context) =>
  (await context.entities.load(id)) ?? (await context.documents.load(id));

/** With typed relationship fields selected, they are read in the entity's statement (src/resolvers/related-plan.ts). */
export const entity: QueryResolvers['entity'] = (_parent, { id }, context, info) => {
  const plans = entityPlans(info, context.vocabulary);
  return plans.length === 0 ? context.entities.load(id) : context.entityTrees(plans).load(id);
};

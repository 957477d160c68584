/** Query.node and Query.entity: by id; null when there is no such object. */
import type { QueryResolvers } from '../../generated/graphql.ts';
import { readRelationshipById } from '../../graph/relationship-by-id.ts';
import { entityPlans } from '../related-plan.ts';

/** An entity, a relationship (its id holds `->`, which no entity or document id does) or a document. */
export const node: QueryResolvers['node'] = async (_parent, { id }, context) =>
  id.includes('->')
    ? readRelationshipById(context.runner, id)
    : ((await context.entities.load(id)) ?? (await context.documents.load(id)));

/** With typed relationship fields selected, they are read in the entity's statement (src/resolvers/related-plan.ts). */
export const entity: QueryResolvers['entity'] = (_parent, { id }, context, info) => {
  const plans = entityPlans(info, context.vocabulary);
  return plans.length === 0 ? context.entities.load(id) : context.entityTrees(plans).load(id);
};

/** Query.node and Query.entity: by id; null when there is no such object. */
import type { QueryResolvers } from '../../generated/graphql.ts';

export const node: QueryResolvers['node'] = async (_parent, { id }, context) =>
  (await context.entities.load(id)) ?? (await context.documents.load(id));

export const entity: QueryResolvers['entity'] = (_parent, { id }, context) => context.entities.load(id);

/** Query.neighborhood: the subgraph around an entity, for visualisation clients; null for an unknown id. */
import type { QueryResolvers } from '../../generated/graphql.ts';
import { findNeighborhood, MAX_NEIGHBORHOOD_DEPTH, MAX_NEIGHBORHOOD_NODES } from '../../graph/neighborhood.ts';
import { asOfBound, checkRange, optionalList } from '../arguments.ts';

export const neighborhood: QueryResolvers['neighborhood'] = async (_parent, args, context) => {
  const depth = checkRange('depth', args.depth, 1, MAX_NEIGHBORHOOD_DEPTH);
  const limit = checkRange('limit', args.limit, 1, MAX_NEIGHBORHOOD_NODES);
  const types = optionalList('types', args.types);
  const center = await context.entities.load(args.id);
  if (!center) return null;
  return findNeighborhood(context.runner, center, { depth, limit, types, asOf: asOfBound(args.asOf) });
};

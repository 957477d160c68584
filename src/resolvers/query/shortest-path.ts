/** Query.shortestPath: a shortest path between two entities, or null (unknown id, or no path within maxHops). */
import type { QueryResolvers } from '../../generated/graphql.ts';
import { findShortestPath, MAX_HOPS } from '../../graph/shortest-path.ts';
import { asOfBound, checkRange, optionalList } from '../../argument-checks.ts';

export const shortestPath: QueryResolvers['shortestPath'] = async (_parent, args, context) => {
  const maxHops = checkRange('maxHops', args.maxHops, 1, MAX_HOPS);
  const types = optionalList('types', args.types);
  const [from, to] = await Promise.all([context.entities.load(args.from), context.entities.load(args.to)]);
  if (!from || !to) return null;
  return findShortestPath(context.runner, from, to, { maxHops, types, asOf: asOfBound(args.asOf) });
};

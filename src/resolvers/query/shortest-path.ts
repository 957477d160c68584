/** Query.shortestPath: a shortest path between two entities, or null (unknown id, or no path within maxHops). */
import type { RequestContext } from '../../context.ts';
import { findShortestPath, MAX_HOPS } from '../../graph/shortest-path.ts';
import type { RelationshipType } from '../../model/vocabulary.ts';
import { asOfBound, checkRange, optionalList } from '../arguments.ts';

export async function shortestPath(
  _parent: unknown,
  args: {
    from: string;
    to: string;
    maxHops?: number | null;
    types?: readonly RelationshipType[] | null;
    asOf?: string | null;
  },
  context: RequestContext,
) {
  const maxHops = checkRange('maxHops', args.maxHops ?? 6, 1, MAX_HOPS);
  const types = optionalList('types', args.types);
  const [from, to] = await Promise.all([context.entities.load(args.from), context.entities.load(args.to)]);
  if (!from || !to) return null;
  return findShortestPath(context.runner, from, to, { maxHops, types, asOf: asOfBound(args.asOf) });
}

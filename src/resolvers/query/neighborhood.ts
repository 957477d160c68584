/** Query.neighborhood: the subgraph around an entity, for visualisation clients; null for an unknown id. */
import type { RequestContext } from '../../context.ts';
import { findNeighborhood } from '../../graph/neighborhood.ts';
import type { RelationshipType } from '../../model/vocabulary.ts';
import { asOfBound, checkRange, optionalList } from '../arguments.ts';

export const MAX_DEPTH = 3;
export const MAX_NODES = 500;

export async function neighborhood(
  _parent: unknown,
  args: {
    id: string;
    depth?: number | null;
    types?: readonly RelationshipType[] | null;
    limit?: number | null;
    asOf?: string | null;
  },
  context: RequestContext,
) {
  const depth = checkRange('depth', args.depth ?? 1, 1, MAX_DEPTH);
  const limit = checkRange('limit', args.limit ?? 100, 1, MAX_NODES);
  const types = optionalList('types', args.types);
  const center = await context.entities.load(args.id);
  if (!center) return null;
  return findNeighborhood(context.runner, center, { depth, limit, types, asOf: asOfBound(args.asOf) });
}

/** Query.neighborhood: the subgraph around an entity, for visualisation clients; null for an unknown id. */
import type { QueryResolvers } from '../../generated/graphql.ts';
import { findNeighborhood, MAX_NEIGHBORHOOD_DEPTH, MAX_NEIGHBORHOOD_NODES } from '../../graph/neighborhood.ts';
import { asOfBound, checkRange, optionalList } from '../../argument-checks.ts';
import { planFields } from '../plan-selection.ts';
import { entityProjection, nodesOfField, relationshipProjection, selectedFields } from '../projection.ts';

export const neighborhood: QueryResolvers['neighborhood'] = (_parent, args, context, info) => {
  const depth = checkRange('depth', args.depth, 1, MAX_NEIGHBORHOOD_DEPTH);
  const limit = checkRange('limit', args.limit, 1, MAX_NEIGHBORHOOD_NODES);
  const types = optionalList('types', args.types);
  // Only what the selection of nodes and edges reads (the statement reads the centre whole).
  const selected = selectedFields(info, info.fieldNodes, 'Subgraph');
  const projection = {
    nodes: entityProjection(
      info,
      nodesOfField(selected, 'nodes'),
      Object.keys(context.vocabulary.kinds),
      context.vocabulary,
    ),
    edges: relationshipProjection(info, nodesOfField(selected, 'edges')),
  };
  // The typed relationship fields selected on the nodes or the centre (one entity row serves both) are read in the
  // neighborhood's statement.
  const fields = planFields(
    info,
    [...nodesOfField(selected, 'nodes'), ...nodesOfField(selected, 'center')],
    Object.keys(context.vocabulary.kinds),
    context.vocabulary,
  );
  return findNeighborhood(context.runner, args.id, {
    depth,
    limit,
    types,
    asOf: asOfBound(args.asOf),
    projection,
    fields,
  });
};

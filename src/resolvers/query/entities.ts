/**
 * Query.entities: a filtered, ordered page of entities with the total count; the typed relationship fields
 * selected on the page's entities are read in the page's statement (src/resolvers/plan-selection.ts).
 */
import type { QueryResolvers } from '../../generated/graphql.ts';
import { listEntities } from '../../graph/list-entities.ts';
import { orNull } from '../../argument-checks.ts';
import { offsetPage } from '../pagination.ts';
import { entityNodes, planFields } from '../plan-selection.ts';

export const entities: QueryResolvers['entities'] = (_parent, args, { runner, vocabulary }, info) => {
  const query = {
    kind: orNull(args.kind),
    documentId: orNull(args.filter?.documentId),
    nameContains: orNull(args.filter?.nameContains),
    where: orNull(args.where),
    order: args.orderBy,
  };
  const nodes = entityNodes(info, [
    ['EntityConnection', 'edges'],
    ['EntityEdge', 'node'],
  ]);
  const fields = planFields(
    info,
    nodes,
    query.kind === null ? Object.keys(vocabulary.kinds) : [query.kind],
    vocabulary,
  );
  return offsetPage(args, info, (offset, limit) => listEntities(runner, vocabulary, query, offset, limit, fields));
};

/** Query.entities: a filtered, ordered page of entities with the total count. */
import type { QueryResolvers } from '../../generated/graphql.ts';
import { listEntities } from '../../graph/list-entities.ts';
import { orNull } from '../../argument-checks.ts';
import { offsetPage } from '../pagination.ts';

export const entities: QueryResolvers['entities'] = (_parent, args, { runner }, info) => {
  const query = {
    kind: orNull(args.kind),
    documentId: orNull(args.filter?.documentId),
    nameContains: orNull(args.filter?.nameContains),
    order: args.orderBy,
  };
  return offsetPage(args, info, (offset, limit) => listEntities(runner, query, offset, limit));
};

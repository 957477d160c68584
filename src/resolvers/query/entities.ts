/** Query.entities: a filtered, ordered page of entities with the total count. */
import type { QueryResolvers } from '../../generated/graphql.ts';
import { listEntities } from '../../graph/list-entities.ts';
import { orNull } from '../../argument-checks.ts';
import { checkPageSize, offsetAfter, toPage } from '../pagination.ts';

export const entities: QueryResolvers['entities'] = async (_parent, args, { runner }) => {
  const first = checkPageSize(args.first);
  const offset = offsetAfter(args.after);
  const { items, total } = await listEntities(
    runner,
    {
      kind: orNull(args.kind),
      documentId: orNull(args.filter?.documentId),
      nameContains: orNull(args.filter?.nameContains),
      order: args.orderBy,
    },
    offset,
    first,
  );
  return toPage(items, offset, first, total);
};

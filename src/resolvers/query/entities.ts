/** Query.entities: a filtered, ordered page of entities with the total count. */
import type { RequestContext } from '../../context.ts';
import { listEntities, type EntityOrder } from '../../graph/list-entities.ts';
import { checkPageSize, offsetAfter, toPage } from '../../graph/pagination.ts';
import type { EntityKind } from '../../model/vocabulary.ts';

interface Args {
  kind?: EntityKind | null;
  filter?: { nameContains?: string | null; documentId?: string | null } | null;
  orderBy?: EntityOrder | null;
  first?: number | null;
  after?: string | null;
}

export async function entities(_parent: unknown, args: Args, { runner }: RequestContext) {
  const first = checkPageSize(args.first ?? 20);
  const offset = offsetAfter(args.after);
  const { items, total } = await listEntities(
    runner,
    {
      kind: args.kind ?? null,
      documentId: args.filter?.documentId ?? null,
      nameContains: args.filter?.nameContains ?? null,
      order: args.orderBy ?? 'NAME_ASC',
    },
    offset,
    first,
  );
  return toPage(items, offset, first, total);
}

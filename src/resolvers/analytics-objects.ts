/**
 * Internal: the fields of the analytics' objects that are not read off their rows: entities loaded by id (one
 * batched statement per request), and a community's members as a page.
 */
import type { Resolvers } from '../generated/graphql.ts';
import { checkPageSize, offsetAfter, toPage } from './pagination.ts';

export const analyticsObjectResolvers: Pick<Resolvers, 'EntityScore' | 'Articulation' | 'Community'> = {
  EntityScore: {
    entity: async (row, _args, context) => {
      const entity = await context.entities.load(row.entityId);
      if (!entity) throw new Error(`entity ${row.entityId} of a score is gone`);
      return entity;
    },
  },
  Articulation: {
    entity: async (row, _args, context) => {
      const entity = await context.entities.load(row.entityId);
      if (!entity) throw new Error(`entity ${row.entityId} of an articulation point is gone`);
      return entity;
    },
  },
  Community: {
    members: async (row, args, context) => {
      const first = checkPageSize(args.first);
      const offset = offsetAfter(args.after);
      const ids = row.memberIds.slice(offset, offset + first);
      const entities = (await context.entities.loadMany(ids)).flatMap((e) => (e instanceof Error || !e ? [] : [e]));
      return toPage(entities, offset, first, row.memberIds.length);
    },
  },
};

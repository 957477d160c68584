/**
 * Internal: the fields of the analytics' objects that are not read off their rows: entities loaded by id (one
 * batched statement per request), a community's members as a page, and a supply-risk row's links (read by the
 * root field only when selected).
 */
import type { Resolvers } from '../generated/graphql.ts';
import { checkPageSize, offsetAfter, toPage } from './pagination.ts';

export const analyticsObjectResolvers: Pick<
  Resolvers,
  'EntityScore' | 'Articulation' | 'Community' | 'SupplierShare' | 'SupplyRisk'
> = {
  SupplierShare: {
    entity: async (row, _args, context) => {
      if (row.entityId === null) return null;
      const entity = await context.entities.load(row.entityId);
      if (!entity) throw new Error(`entity ${row.entityId} of a supplier share is gone`);
      return entity;
    },
  },
  SupplyRisk: {
    links: (row) => {
      // The root field reads the links when its selection reaches them (src/resolvers/query/supply-risk.ts).
      if (row.links === null) throw new Error(`the links of supply-risk row ${row.material.id} were not read`);
      return row.links;
    },
  },
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

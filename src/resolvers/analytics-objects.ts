/**
 * Internal: the fields of the analytics' objects that are not read off their rows: entities loaded by id (one
 * batched statement per request), a community's members as a page, and a supply-risk row's shares and links (read
 * by the root field only when selected).
 */
import type { Resolvers } from '../generated/graphql.ts';
import { offsetPage } from './pagination.ts';

function readPart<T>(part: T | null, name: string, rowId: string): T {
  if (part === null) throw new Error(`the ${name} of supply-risk row ${rowId} were not read`);
  return part;
}

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
  // The root field reads these parts when its selection reaches them (src/resolvers/query/supply-risk.ts).
  SupplyRisk: {
    suppliers: (row) => readPart(row.suppliers, 'suppliers', row.material.id),
    countries: (row) => readPart(row.countries, 'countries', row.material.id),
    links: (row) => readPart(row.links, 'links', row.material.id),
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
    members: (row, args, context, info) =>
      offsetPage(args, info, async (offset, limit) => {
        const ids = row.memberIds.slice(offset, offset + limit);
        const loaded = ids.length === 0 ? [] : await context.entities.loadMany(ids);
        const items = loaded.flatMap((e) => (e instanceof Error || !e ? [] : [e]));
        return { items, total: row.memberIds.length };
      }),
  },
};

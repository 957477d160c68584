/**
 * Internal: the fields every entity type shares (the Entity interface) beyond the row's own. `relationships`
 * pages through the related loader, so it batches across entities.
 */
import type { RequestContext } from '../context.ts';
import type { CountryResolvers } from '../generated/graphql.ts';
import type { RelatedRow } from '../graph/related-entities.ts';
import type { DocumentRow } from '../graph/rows.ts';
import { asOfBound, optionalList } from '../argument-checks.ts';
import { offsetPage } from './pagination.ts';

/** A RelatedRow as an edge of Entity.relationships. */
export type RelationshipEdgeRow = RelatedRow & { cursor: string };

export async function documentOf(documentId: string, { documents }: RequestContext): Promise<DocumentRow> {
  const document = await documents.load(documentId);
  if (!document) throw new Error(`document ${documentId} is referenced but not stored`);
  return document;
}

/** Every kind's type has these (typed through one of them: all share the Entity fields and the EntityRow parent). */
export const entityFields: Pick<CountryResolvers, 'kind' | 'document' | 'relationships'> = {
  kind: (entity) => entity.kind,
  document: (entity, _args, context) => documentOf(entity.documentId, context),
  relationships: async (entity, args, { related }, info) => {
    const types = optionalList('types', args.types);
    const asOf = asOfBound(args.asOf);
    const readRows = async (offset: number, limit: number, descending: boolean, count: boolean) => {
      const spec = { direction: args.direction, types, kinds: null, asOf, offset, limit, count } as const;
      const { rows, total } = await related({ ...spec, projection: 'full', descending }).load(entity.id);
      return { items: rows, total };
    };
    // A last page reads each entity's end in one batched statement (its start differs per entity).
    const page = await offsetPage(
      args,
      info,
      (offset, limit, count) => readRows(offset, limit, false, count),
      async (limit) => {
        const { items, total } = await readRows(0, limit, true, true);
        return { items, total: total ?? 0 };
      },
    );
    return { ...page, edges: page.edges.map((edge) => ({ ...edge.node, cursor: edge.cursor })) };
  },
};

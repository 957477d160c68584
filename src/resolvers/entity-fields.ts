/**
 * Internal: the fields every entity type shares (the Entity interface), and how an entity's concrete type is
 * chosen. `relationships` pages through the related loader, so it batches across entities.
 */
import type { RequestContext } from '../context.ts';
import { paginate } from '../graph/pagination.ts';
import type { DocumentRow, EntityRow } from '../graph/rows.ts';
import type { Direction } from '../loaders/create-related-loader.ts';
import type { RelationshipType } from '../model/vocabulary.ts';
import { asOfBound, optionalList } from './arguments.ts';

export async function documentOf(documentId: string, { documents }: RequestContext): Promise<DocumentRow> {
  const document = await documents.load(documentId);
  if (!document) throw new Error(`document ${documentId} is referenced but not stored`);
  return document;
}

interface RelationshipsArgs {
  direction?: Direction | null;
  types?: readonly RelationshipType[] | null;
  asOf?: string | null;
  first?: number | null;
  after?: string | null;
}

export const entityFields = {
  kind: (entity: EntityRow) => entity.kind,
  document: (entity: EntityRow, _args: unknown, context: RequestContext) => documentOf(entity.documentId, context),
  relationships: async (entity: EntityRow, args: RelationshipsArgs, { related }: RequestContext) => {
    const rows = await related({
      direction: args.direction ?? 'BOTH',
      types: optionalList('types', args.types),
      kinds: null,
      asOf: asOfBound(args.asOf),
    }).load(entity.id);
    const page = paginate(rows, args.first ?? 20, args.after);
    return { ...page, edges: page.edges.map((edge) => ({ ...edge.node, cursor: edge.cursor })) };
  },
};

export function entityTypeName(entity: { kind?: string }): string | null {
  return entity.kind ?? null;
}

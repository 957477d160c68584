/**
 * Query.node and Query.entity: by id; null when there is no such object. With typed relationship fields selected,
 * the entity and they are read in one statement (src/resolvers/plan-selection.ts).
 */
import type { RequestContext } from '../../context.ts';
import type { QueryResolvers } from '../../generated/graphql.ts';
import { findEntityWithFields } from '../../graph/find-entities.ts';
import { readRelationshipById } from '../../graph/relationship-by-id.ts';
import type { EntityRow } from '../../graph/rows.ts';
import { planEntityFields } from '../plan-selection.ts';
import type { GraphQLResolveInfo } from 'graphql';

function readEntity(id: string, context: RequestContext, info: GraphQLResolveInfo): Promise<EntityRow | null> {
  const fields = planEntityFields(info, context.vocabulary);
  return fields.length === 0 ? context.entities.load(id) : findEntityWithFields(context.runner, id, fields);
}

/** An entity, a relationship (its id holds `->`, which no entity or document id does) or a document. */
export const node: QueryResolvers['node'] = async (_parent, { id }, context, info) =>
  id.includes('->')
    ? readRelationshipById(context.runner, id)
    : ((await readEntity(id, context, info)) ?? (await context.documents.load(id)));

export const entity: QueryResolvers['entity'] = (_parent, { id }, context, info) => readEntity(id, context, info);

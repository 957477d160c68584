/**
 * Internal: the resolver map for schema.graphql, typed by the generated Resolvers type. Resolvers stay thin: check
 * arguments, call a loader or a named query in src/graph, map the result.
 */
import type { RequestContext } from '../context.ts';
import type { Resolvers } from '../generated/graphql.ts';
import type { CrossReferenceLink } from '../graph/cross-reference.ts';
import type { NodeRow } from '../graph/rows.ts';
import { ENTITY_KINDS, type EntityKind } from '../model/vocabulary.ts';
import { entityFields, entityTypeName } from './entity-fields.ts';
import { crossReference, crossReferenceMatrix } from './query/cross-reference.ts';
import { documents } from './query/documents.ts';
import { entities } from './query/entities.ts';
import { exportGraph } from './query/export-graph.ts';
import { graphStats } from './query/graph-stats.ts';
import { neighborhood } from './query/neighborhood.ts';
import { entity, node } from './query/node.ts';
import { search } from './query/search.ts';
import { shortestPath } from './query/shortest-path.ts';
import { scalarResolvers } from './scalars.ts';
import { typedFieldResolvers } from './typed-fields.ts';
import { dateOf, relationshipObjectResolvers, valueFieldResolvers } from './value-fields.ts';

/** Each kind's type: the shared Entity fields, its typed relationship fields, its value fields. */
const kindResolvers = Object.fromEntries(
  (Object.keys(ENTITY_KINDS) as EntityKind[]).map((kind) => [
    kind,
    {
      ...entityFields,
      ...typedFieldResolvers[kind],
      ...(valueFieldResolvers as Partial<Record<EntityKind, object>>)[kind],
    },
  ]),
);

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: {
    node,
    entity,
    entities,
    search,
    neighborhood,
    shortestPath,
    graphStats,
    crossReference,
    crossReferenceMatrix,
    documents,
    exportGraph,
  },
  Node: {
    __resolveType: (row: NodeRow) => ('kind' in row ? (row.kind as EntityKind) : 'Document'),
  },
  Entity: {
    __resolveType: (row) => entityTypeName(row) as EntityKind,
  },
  ...kindResolvers,
  ...relationshipObjectResolvers,
  CrossReferenceRow: {
    linkType: (link: CrossReferenceLink) => link.relationship.type,
    program: (link: CrossReferenceLink, _args: unknown, context: RequestContext) => {
      const program = link.relationship.properties['program'];
      return typeof program === 'string' ? context.entities.load(program) : null;
    },
    date: (link: CrossReferenceLink) => dateOf(link.relationship.properties),
    sources: (link: CrossReferenceLink) => link.relationship.sources,
  },
};

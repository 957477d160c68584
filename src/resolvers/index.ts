/**
 * Internal: the resolver map for schema.graphql, typed by the generated Resolvers type. Resolvers stay thin: check
 * arguments, call a loader or a named function of src/graph, map the result. The kind types' resolvers are
 * derived from the knowledge model, as their types are.
 */
import type { Resolvers } from '../generated/graphql.ts';
import { analyticsObjectResolvers } from './analytics-objects.ts';
import { disruptionReportResolvers } from './disruption-report-fields.ts';
import { VOCABULARY, type Vocabulary } from '../model/vocabulary.ts';
import { documentFields, factFields } from './document-fields.ts';
import { createKindListResolvers } from './kind-lists.ts';
import { createKindResolvers } from './kind-resolvers.ts';
import { createEntity } from './mutation/create-entity.ts';
import { link } from './mutation/link.ts';
import { unlink } from './mutation/unlink.ts';
import { updateEntity } from './mutation/update-entity.ts';
import { auditLog } from './query/audit-log.ts';
import { changes } from './query/changes.ts';
import { articulationPoints, centrality, communities, paths } from './query/graph-measures.ts';
import { disruption, supplyRisk } from './query/supply-risk.ts';
import { crossReference, crossReferenceConnectionFields, crossReferenceMatrix } from './query/cross-reference.ts';
import { documents } from './query/documents.ts';
import { entities } from './query/entities.ts';
import { exportGraph } from './query/export-graph.ts';
import { graphStats } from './query/graph-stats.ts';
import { neighborhood } from './query/neighborhood.ts';
import { entity, node } from './query/node.ts';
import { search } from './query/search.ts';
import { shortestPath } from './query/shortest-path.ts';
import { relationshipObjectResolvers } from './relationship-objects.ts';
import { scalarResolvers } from './scalars.ts';
import { graphChanged, graphChangeFields } from './subscription/graph-changed.ts';

const sharedResolvers: Resolvers = {
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
    auditLog,
    supplyRisk,
    disruption,
    centrality,
    articulationPoints,
    communities,
    paths,
    changes,
  },
  Mutation: {
    createEntity,
    updateEntity,
    link,
    unlink,
  },
  Subscription: { graphChanged },
  GraphChange: graphChangeFields,
  Node: {
    // Entities have a kind, relationships a type and ends; documents neither.
    __resolveType: (row) => {
      if ('kind' in row) return row.kind;
      return 'source' in row ? 'Relationship' : 'Document';
    },
  },
  Entity: {
    __resolveType: (row) => row.kind,
  },
  CrossReferenceConnection: crossReferenceConnectionFields,
  Document: documentFields,
  Fact: factFields,
  ...relationshipObjectResolvers,
  ...analyticsObjectResolvers,
  ...disruptionReportResolvers,
};

/** The whole resolver map for a knowledge model (the server's own unless a test extends it). */
export function createResolvers(vocabulary: Vocabulary = VOCABULARY): Resolvers {
  const { Query: lists, ...listTypes } = createKindListResolvers(vocabulary);
  return {
    ...sharedResolvers,
    Query: { ...sharedResolvers.Query, ...lists },
    ...listTypes,
    ...createKindResolvers(vocabulary),
  };
}

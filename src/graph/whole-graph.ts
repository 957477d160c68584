/**
 * Internal: the whole graph, bounded. Nodes in id order up to a node cap, then the relationships among them up to
 * an edge cap (in a stable order); `truncated` says whether either cap left something out. Two statements.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import type { RelationshipType } from '../model/vocabulary.ts';
import { findRelationshipsAmong } from './relationships-among.ts';
import { toEntityRow, type EntityRow, type RelationshipRow } from './rows.ts';

/** Takes: $limit. Returns: at most limit + 1 entities in id order (one more than fits says there are more). */
const ENTITIES = `
MATCH (n:Entity)
RETURN properties(n) AS props
ORDER BY n.id
LIMIT toInteger($limit) + 1`;

export interface BoundedGraph {
  nodes: EntityRow[];
  edges: RelationshipRow[];
  truncated: boolean;
}

export async function findWholeGraph(
  runner: QueryRunner,
  options: {
    maxNodes: number;
    maxEdges: number;
    types: readonly RelationshipType[] | null;
    asOf: string | null;
  },
): Promise<BoundedGraph> {
  const nodeRows = await runner.read<{ props: Record<string, unknown> }>('whole-graph.nodes', ENTITIES, {
    limit: options.maxNodes,
  });
  const nodes = nodeRows.slice(0, options.maxNodes).map((row) => toEntityRow(row.props));
  // One more than fits says the cap cut the relationships.
  const edgeRows = await findRelationshipsAmong(
    runner,
    'whole-graph.edges',
    nodes.map((n) => n.id),
    { types: options.types, asOf: options.asOf },
    options.maxEdges + 1,
  );
  return {
    nodes,
    edges: edgeRows.slice(0, options.maxEdges),
    truncated: nodeRows.length > options.maxNodes || edgeRows.length > options.maxEdges,
  };
}

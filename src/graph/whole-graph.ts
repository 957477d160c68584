/**
 * Internal: the whole graph, bounded. Nodes in id order up to a node cap, then the relationships among them up to
 * an edge cap (in a stable order); `truncated` says whether either cap left something out. Two statements.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import type { RelationshipType } from '../model/vocabulary.ts';
import { HOLDS_AS_OF } from './partial-date.ts';
import { toEntityRow, toRelationshipRow, type EntityRow, type RelationshipRow } from './rows.ts';

/** Takes: $limit. Returns: at most limit + 1 entities in id order (one more than fits says there are more). */
const ENTITIES = `
MATCH (n:Entity)
RETURN properties(n) AS props
ORDER BY n.id
LIMIT toInteger($limit) + 1`;

/** Takes: $ids, $types, $asOf, $limit. Returns: at most limit + 1 relationships among those entities. */
const RELATIONSHIPS_AMONG = `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids
  AND ($types IS NULL OR type(r) IN $types)
  AND ${HOLDS_AS_OF}
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props
ORDER BY source, type, target, r.key
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
  const edgeRows = await runner.read<{
    source: string;
    type: string;
    target: string;
    props: Record<string, unknown>;
  }>('whole-graph.edges', RELATIONSHIPS_AMONG, {
    ids: nodes.map((n) => n.id),
    types: options.types,
    asOf: options.asOf,
    limit: options.maxEdges,
  });
  return {
    nodes,
    edges: edgeRows.slice(0, options.maxEdges).map((e) => toRelationshipRow(e.type, e.source, e.target, e.props)),
    truncated: nodeRows.length > options.maxNodes || edgeRows.length > options.maxEdges,
  };
}

/**
 * Internal: the in-memory graph every writer reads: a graphology MultiDirectedGraph (two relationships of one
 * type may join the same pair) keyed by entity and relationship ids, with scalar attributes and the export's
 * metadata as graph attributes.
 */
import { MultiDirectedGraph } from 'graphology';
import type { EntityRow } from '../graph/rows.ts';
import { edgeAttributes, nodeAttributes, type ElementAttributes, type ExportEdge } from './element-attributes.ts';
import { GENERATED_BY, type ExportMetadata } from './export-metadata.ts';

export type ExportGraph = MultiDirectedGraph<ElementAttributes, ElementAttributes, ExportMetadata>;

export interface ExportSubgraph {
  nodes: readonly EntityRow[];
  edges: readonly ExportEdge[];
  truncated: boolean;
}

/** Builds the graph; duplicate nodes or edges (same id) are kept once, edges to nodes not given are dropped. */
export function buildExportGraph(
  subgraph: ExportSubgraph,
  selection: { kind: string; parameters: string },
): ExportGraph {
  const graph: ExportGraph = new MultiDirectedGraph();
  const documents = new Set<string>();
  for (const node of subgraph.nodes) {
    if (graph.hasNode(node.id)) continue;
    graph.addNode(node.id, nodeAttributes(node));
    documents.add(node.documentId);
  }
  for (const edge of subgraph.edges) {
    if (graph.hasEdge(edge.id) || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.addEdgeWithKey(edge.id, edge.source, edge.target, edgeAttributes(edge));
    for (const citation of edge.sources) documents.add(citation.documentId);
  }
  graph.replaceAttributes({
    selection: selection.kind,
    parameters: selection.parameters,
    documents: [...documents].sort().join('; '),
    truncated: subgraph.truncated,
    nodeCount: graph.order,
    edgeCount: graph.size,
    generatedBy: GENERATED_BY,
  });
  return graph;
}

/**
 * Internal: Cytoscape.js elements JSON (`cy.json()` shape: `elements.nodes[].data`, `elements.edges[].data` with
 * source and target), which `cytoscape({ elements })` and Cytoscape desktop (.cyjs) load. Metadata in `data`.
 */
import type { ExportGraph } from './build-export-graph.ts';

export function writeCytoscape(graph: ExportGraph): string {
  const nodes = graph.mapNodes((id, attributes) => ({ data: { id, ...attributes } }));
  const edges = graph.mapEdges((id, attributes, source, target) => ({ data: { ...attributes, id, source, target } }));
  return JSON.stringify({ data: graph.getAttributes(), elements: { nodes, edges } }, null, 2);
}

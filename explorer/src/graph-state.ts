/**
 * The graph on screen, as a graphology graph: the union of the neighbourhoods the view asked for. Replacing its
 * contents keeps the position of every node that stays, so moving the time slider or expanding a node does not
 * scramble the picture; new nodes start next to a neighbour already placed.
 */
import Graph from 'graphology';
import type { RelationshipData, Subgraph } from './api.ts';
import { kindStyle } from './kinds.ts';

export interface NodeAttributes {
  label: string;
  kind: string;
  x: number;
  y: number;
  size: number;
  color: string;
  type: string;
}

export interface EdgeAttributes {
  label: string;
  relationship: RelationshipData;
  size: number;
  color: string;
  type: string;
}

export type ExplorerGraph = Graph<NodeAttributes, EdgeAttributes>;

export function createGraph(): ExplorerGraph {
  // Two entities can be joined by several relationships of different types: a directed multigraph.
  return new Graph<NodeAttributes, EdgeAttributes>({ type: 'directed', multi: true, allowSelfLoops: true });
}

/** Node size grows with the square root of the degree, so hubs stand out without hiding everything else. */
export function nodeSize(degree: number): number {
  return Math.min(30, 4 + 2.2 * Math.sqrt(degree));
}

/**
 * Makes the graph hold exactly the union of `subgraphs`. Returns how many nodes were added and removed.
 */
export function setContents(graph: ExplorerGraph, subgraphs: readonly Subgraph[]): { added: number; removed: number } {
  const nodes = new Map(subgraphs.flatMap((s) => s.nodes).map((n) => [n.id, n]));
  const edges = new Map(subgraphs.flatMap((s) => s.edges).map((e) => [e.id, e]));
  let removed = 0;
  graph.forEachNode((id) => {
    if (!nodes.has(id)) {
      graph.dropNode(id);
      removed += 1;
    }
  });
  graph.forEachEdge((id) => {
    if (!edges.has(id)) graph.dropEdge(id);
  });
  const fresh: string[] = [];
  const spread = 10 * Math.sqrt(nodes.size + 1);
  for (const node of nodes.values()) {
    if (graph.hasNode(node.id)) continue;
    const style = kindStyle(node.kind);
    const angle = Math.random() * 2 * Math.PI;
    graph.addNode(node.id, {
      label: node.name,
      kind: node.kind,
      x: spread * Math.cos(angle) * Math.random(),
      y: spread * Math.sin(angle) * Math.random(),
      size: 5,
      color: style.color,
      type: style.shape,
    });
    fresh.push(node.id);
  }
  for (const edge of edges.values()) {
    if (graph.hasEdge(edge.id) || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, {
      label: edge.type,
      relationship: edge,
      size: 1.5,
      color: '#b8b8c8',
      type: 'arrow',
    });
  }
  // A new node starts beside a neighbour that was already placed, so the layout only has to settle it.
  const freshSet = new Set(fresh);
  for (const id of fresh) {
    const anchor = graph.neighbors(id).find((n) => !freshSet.has(n));
    if (anchor === undefined) continue;
    const { x, y } = graph.getNodeAttributes(anchor);
    graph.mergeNodeAttributes(id, { x: x + (Math.random() - 0.5) * 4, y: y + (Math.random() - 0.5) * 4 });
  }
  graph.forEachNode((id) => graph.setNodeAttribute(id, 'size', nodeSize(graph.degree(id))));
  return { added: fresh.length, removed };
}

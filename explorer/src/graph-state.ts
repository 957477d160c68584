/**
 * The graph on screen, as a graphology graph: the union of the neighbourhoods the view asked for. Replacing its
 * contents keeps the position of every node that stays, so moving the time slider or expanding a node does not
 * scramble the picture; new nodes start next to a neighbour already placed. Where a node starts is a function of
 * its id (and of that neighbour), never of chance: the same view always starts, and so settles, the same way.
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
  /** Pinned where the reader dropped it: the layout leaves it there. */
  fixed?: boolean;
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

/** How a relationship is drawn. */
export function edgeAttributes(relationship: RelationshipData): EdgeAttributes {
  return { label: relationship.type, relationship, size: 1.5, color: '#b8b8c8', type: 'arrow' };
}

/** Node size grows with the square root of the degree, so hubs stand out without hiding everything else. */
export function nodeSize(degree: number): number {
  return Math.min(30, 4 + 2.2 * Math.sqrt(degree));
}

/** Two numbers in [0, 1) drawn from an id (FNV-1a, then a step of mulberry32): stable across loads and machines. */
function idNoise(id: string): [number, number] {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  const next = () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return [next(), next()];
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
    const [u, v] = idNoise(node.id);
    const angle = v * 2 * Math.PI;
    graph.addNode(node.id, {
      label: node.name,
      kind: node.kind,
      x: spread * Math.sqrt(u) * Math.cos(angle),
      y: spread * Math.sqrt(u) * Math.sin(angle),
      size: 5,
      color: style.color,
      type: style.shape,
    });
    fresh.push(node.id);
  }
  for (const edge of edges.values()) {
    if (graph.hasEdge(edge.id) || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, edgeAttributes(edge));
  }
  // A new node starts beside a neighbour that was already placed, so the layout only has to settle it.
  const freshSet = new Set(fresh);
  for (const id of fresh) {
    const anchor = graph.neighbors(id).find((n) => !freshSet.has(n));
    if (anchor === undefined) continue;
    const { x, y } = graph.getNodeAttributes(anchor);
    const [u, v] = idNoise(id);
    graph.mergeNodeAttributes(id, { x: x + (u - 0.5) * 4, y: y + (v - 0.5) * 4 });
  }
  graph.forEachNode((id) => graph.setNodeAttribute(id, 'size', nodeSize(graph.degree(id))));
  return { added: fresh.length, removed };
}

/**
 * Internal: the projection the graph layer reads in one statement, and the graphs the analytics compute over.
 *
 * Every measure sees the projection as undirected: a supply link carries risk both ways, whichever way the
 * relationship was stated. The direction stays readable (`graph.source(edge)`) but no measure uses it.
 */
import { MultiUndirectedGraph, UndirectedGraph } from 'graphology';
import { compareIds } from './compare-ids.ts';

/** An entity in the projection: its id and its kind (Country, Company, ...). */
interface ProjectionNode {
  id: string;
  kind: string;
}

/** A relationship in the projection: its id, its type and the ids of the entities it links. */
export interface ProjectionRelationship {
  id: string;
  type: string;
  source: string;
  target: string;
}

/** What the projection statement returns: the entities and the relationships between them. */
export interface ProjectionData {
  nodes: readonly ProjectionNode[];
  relationships: readonly ProjectionRelationship[];
}

interface EntityAttributes {
  kind: string;
}

interface LinkAttributes {
  type: string;
}

/** The projection as a graph: a node per entity, an undirected edge per relationship (parallel edges kept). */
export type ProjectionGraph = MultiUndirectedGraph<EntityAttributes, LinkAttributes>;

/** The undirected simple view: one edge per linked pair of entities, however many relationships link them. */
export type SimpleGraph = UndirectedGraph<EntityAttributes>;

/**
 * The projection as a graphology `MultiUndirectedGraph` (a MultiGraph whose edges are undirected): nodes keyed by
 * entity id with a `kind` attribute, edges keyed by relationship id with a `type` attribute. Parallel
 * relationships stay distinct edges (each is a cited link of its own); a relationship from an entity to itself is
 * dropped, since no measure here gives a self-loop a meaning.
 *
 * Nodes are added in id order and edges in relationship-id order whatever order the rows came in, so every
 * algorithm that depends on insertion order (Louvain, tie-breaks) gives the same answer for the same projection.
 *
 * @throws Error when two nodes or two relationships share an id, or a relationship names an entity that is not in
 *   `nodes`: the projection statement is wrong, not the request.
 */
export function toGraph(data: ProjectionData): ProjectionGraph {
  const graph: ProjectionGraph = new MultiUndirectedGraph({ allowSelfLoops: false });
  for (const node of sortedById(data.nodes)) {
    if (graph.hasNode(node.id)) throw new Error(`The projection has two nodes with id '${node.id}'`);
    graph.addNode(node.id, { kind: node.kind });
  }
  for (const relationship of sortedById(data.relationships)) {
    const { id, type, source, target } = relationship;
    if (graph.hasEdge(id)) throw new Error(`The projection has two relationships with id '${id}'`);
    for (const end of [source, target]) {
      if (!graph.hasNode(end)) throw new Error(`Relationship '${id}' links '${end}', which is not in the projection`);
    }
    if (source === target) continue;
    graph.addEdgeWithKey(id, source, target, { type });
  }
  return graph;
}

/**
 * The undirected simple view of a projection graph: the same nodes in the same order, one edge per pair of
 * entities that at least one relationship links (added in the order of the first such relationship). The measures
 * that count paths or walks use it, so that citing the same link twice does not make it count twice.
 */
export function toSimpleGraph(graph: ProjectionGraph): SimpleGraph {
  const simple: SimpleGraph = new UndirectedGraph({ allowSelfLoops: false });
  graph.forEachNode((node, attributes) => simple.addNode(node, { kind: attributes.kind }));
  graph.forEachEdge((_edge, _attributes, source, target) => {
    simple.mergeEdge(source, target);
  });
  return simple;
}

/** The items in id order; rows that already come sorted (ORDER BY in the statement) are not copied. */
function sortedById<T extends { id: string }>(items: readonly T[]): readonly T[] {
  let previous: T | undefined;
  for (const item of items) {
    if (previous !== undefined && compareIds(previous.id, item.id) > 0) {
      return [...items].sort((a, b) => compareIds(a.id, b.id));
    }
    previous = item;
  }
  return items;
}

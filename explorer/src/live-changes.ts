/**
 * What a change of the live feed does to the drawn graph: a new link between two drawn entities is drawn, a removed
 * one disappears, a changed entity's label follows its new name. Nothing else is drawn or fetched: the view stays
 * the reader's (an entity not drawn stays undrawn). Links are drawn only in a view of now; a view of a past date
 * (`asOf`) keeps its picture and only follows names.
 */
import type { LiveChange } from './live-feed.ts';
import { edgeAttributes, nodeSize, type ExplorerGraph } from './graph-state.ts';

/** Applies `change`; true when the picture changed. */
export function applyChange(graph: ExplorerGraph, change: LiveChange, viewIsNow: boolean): boolean {
  if (change.subject === 'ENTITY') {
    const entity = change.entity;
    if (entity === null || !graph.hasNode(entity.id)) return false;
    if (graph.getNodeAttribute(entity.id, 'label') === entity.name) return false;
    graph.setNodeAttribute(entity.id, 'label', entity.name);
    return true;
  }
  if (!viewIsNow) return false;
  if (change.operation === 'REMOVED') {
    if (!graph.hasEdge(change.subjectId)) return false;
    const [source, target] = graph.extremities(change.subjectId);
    graph.dropEdge(change.subjectId);
    resize(graph, [source, target]);
    return true;
  }
  const relationship = change.relationship;
  if (relationship === null || graph.hasEdge(relationship.id)) return false;
  if (!graph.hasNode(relationship.source) || !graph.hasNode(relationship.target)) return false;
  graph.addDirectedEdgeWithKey(relationship.id, relationship.source, relationship.target, edgeAttributes(relationship));
  resize(graph, [relationship.source, relationship.target]);
  return true;
}

function resize(graph: ExplorerGraph, ids: readonly string[]): void {
  for (const id of ids) graph.setNodeAttribute(id, 'size', nodeSize(graph.degree(id)));
}

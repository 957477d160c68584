/**
 * A node's links as the network draws them: its drawn edges, parallel ones (same type, same direction, same other
 * end) grouped into one entry that carries every relationship and so every citation. Read from the drawn graph
 * each time the panel is drawn, so the panel lists what the canvas shows.
 */
import type { RelationshipData } from './api.ts';
import type { ExplorerGraph } from './graph-state.ts';

export interface LinkGroup {
  type: string;
  /** True when the selected node is the source. */
  outgoing: boolean;
  other: string;
  otherName: string;
  relationships: RelationshipData[];
}

/** The groups of `node`'s edges that `drawn` keeps, by type, then the other end's name. */
export function linkGroups(graph: ExplorerGraph, node: string, drawn: (edge: string) => boolean): LinkGroup[] {
  if (!graph.hasNode(node)) return [];
  const groups = new Map<string, LinkGroup>();
  graph.forEachEdge(node, (edge, attributes, source, target) => {
    if (!drawn(edge)) return;
    const outgoing = source === node;
    const other = outgoing ? target : source;
    const key = `${attributes.label} ${outgoing ? '>' : '<'} ${other}`;
    const group = groups.get(key) ?? {
      type: attributes.label,
      outgoing,
      other,
      otherName: graph.getNodeAttribute(other, 'label'),
      relationships: [],
    };
    group.relationships.push(attributes.relationship);
    groups.set(key, group);
  });
  return [...groups.values()].sort(
    (a, b) =>
      a.type.localeCompare(b.type) || a.otherName.localeCompare(b.otherName) || Number(b.outgoing) - Number(a.outgoing),
  );
}

/**
 * An expansion of the network: a node's neighbours, all of them or those over one relationship type. In the URL's
 * `expand` list an expansion is the node id, or `id~TYPE` for one type.
 */
import type { Subgraph } from './api.ts';

export interface Expansion {
  id: string;
  type: string | null;
}

const SEPARATOR = '~';

export function parseExpansion(entry: string): Expansion {
  const at = entry.lastIndexOf(SEPARATOR);
  return at === -1 ? { id: entry, type: null } : { id: entry.slice(0, at), type: entry.slice(at + 1) };
}

export function expansionEntry(expansion: Expansion): string {
  return expansion.type === null ? expansion.id : `${expansion.id}${SEPARATOR}${expansion.type}`;
}

/** The part of a node's neighbourhood an expansion draws: all of it, or its links of the type and their ends. */
export function expandedPart(neighbourhood: Subgraph, expansion: Expansion): Subgraph {
  if (expansion.type === null) return neighbourhood;
  const edges = neighbourhood.edges.filter(
    (e) => e.type === expansion.type && (e.source === expansion.id || e.target === expansion.id),
  );
  const ends = new Set([expansion.id, ...edges.flatMap((e) => [e.source, e.target])]);
  return { nodes: neighbourhood.nodes.filter((n) => ends.has(n.id)), edges, truncated: neighbourhood.truncated };
}

/** How many of a node's links each relationship type has, in its neighbourhood: what "Expand by type" offers. */
export function linkTypeCounts(neighbourhood: Subgraph, id: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of neighbourhood.edges) {
    if (e.source === id || e.target === id) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  }
  return new Map([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

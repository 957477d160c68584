/**
 * Internal: networkx's node-link JSON. The edges are under `links`, the key networkx's `node_link_graph` reads with
 * its defaults in the versions Debian ships (2.8 in bookworm; networkx 3.4+ takes `edges="links"` for it), with
 * `key` for the multigraph edge key. Metadata in `graph`.
 */
import type { ExportGraph } from './build-export-graph.ts';

export function writeNodeLink(graph: ExportGraph): string {
  return JSON.stringify(
    {
      directed: true,
      multigraph: true,
      graph: graph.getAttributes(),
      nodes: graph.mapNodes((id, attributes) => ({ ...attributes, id })),
      links: graph.mapEdges((key, attributes, source, target) => ({ ...attributes, source, target, key })),
    },
    null,
    2,
  );
}

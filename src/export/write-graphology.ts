/**
 * Internal: graphology's serialized JSON (`graph.export()`), which `Graph.from(json)` / `graph.import(json)` read
 * and Sigma.js renders. Metadata in `attributes`.
 */
import type { ExportGraph } from './build-export-graph.ts';

export function writeGraphology(graph: ExportGraph): string {
  return JSON.stringify(graph.export(), null, 2);
}

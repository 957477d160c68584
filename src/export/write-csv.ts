/**
 * Internal: CSV node and edge lists (Gephi's spreadsheet import, spreadsheets, pandas), written with csv-stringify.
 * Columns: `id` (and `source`, `target` for edges), then every attribute any element has, in first-seen order;
 * empty where an element lacks it.
 */
import { stringify } from 'csv-stringify/sync';
import type { ExportGraph } from './build-export-graph.ts';
import type { ElementAttributes } from './element-attributes.ts';

function table(fixed: string[], rows: Array<Record<string, unknown>>): string {
  const columns = [...fixed];
  for (const row of rows) for (const name of Object.keys(row)) if (!columns.includes(name)) columns.push(name);
  return stringify(rows, { header: true, columns, cast: { boolean: (value) => String(value) } });
}

export function writeCsv(graph: ExportGraph): { nodes: string; edges: string } {
  const nodes = graph.mapNodes((id, attributes): ElementAttributes => ({ id, ...attributes }));
  const edges = graph.mapEdges((id, attributes, source, target): ElementAttributes => ({
    id,
    source,
    target,
    ...attributes,
  }));
  return { nodes: table(['id'], nodes), edges: table(['id', 'source', 'target'], edges) };
}

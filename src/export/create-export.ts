/**
 * Internal: one export from start to end: the selection's subgraph, the graphology graph, the format's files.
 * Shared by the HTTP route and Query.exportGraph, so both give the same files for the same selection.
 */
import type { RequestContext } from '../context.ts';
import { buildExportGraph } from './build-export-graph.ts';
import { exportBaseName } from './export-filename.ts';
import { EXPORT_FORMATS, type ExportFormat, type ExportFormatName } from './export-formats.ts';
import type { ExportMetadata } from './export-metadata.ts';
import { describeParameters, type ExportSelection } from './export-selection.ts';
import { DEFAULT_GRAPH_CAPS, loadExportSubgraph, type GraphCaps, type NotFound } from './load-export-subgraph.ts';

interface ExportFile {
  /** Which file of a multi-file format (CSV: nodes, edges); null for single-file formats. */
  part: string | null;
  filename: string;
  mediaType: string;
  content: string;
}

export interface GraphExportResult {
  format: ExportFormat;
  baseName: string;
  metadata: ExportMetadata;
  files: ExportFile[];
}

export async function createExport(
  context: Pick<RequestContext, 'runner' | 'entities'>,
  selection: ExportSelection,
  formatName: ExportFormatName,
  caps: GraphCaps = DEFAULT_GRAPH_CAPS,
): Promise<GraphExportResult | NotFound> {
  const subgraph = await loadExportSubgraph(context, selection, caps);
  if ('notFound' in subgraph) return subgraph;
  const graph = buildExportGraph(subgraph, { kind: selection.kind, parameters: describeParameters(selection) });
  const format = EXPORT_FORMATS[formatName];
  const baseName = exportBaseName(selection);
  return {
    format,
    baseName,
    metadata: graph.getAttributes(),
    files: format.write(graph).map(({ part, content }) => ({
      part,
      filename: `${baseName}${part === null ? '' : `-${part}`}.${format.extension}`,
      mediaType: format.mediaType,
      content,
    })),
  };
}

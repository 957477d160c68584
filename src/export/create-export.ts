/**
 * Internal: one export from start to end: the selection's subgraph, the graphology graph, the format's files.
 * Shared by the HTTP route and Query.exportGraph, so both give the same files for the same selection.
 */
import type { RequestContext } from '../context.ts';
import { asOfBound } from '../argument-checks.ts';
import { buildExportGraph } from './build-export-graph.ts';
import { addExportMeasures, type ExportMeasure } from './export-measures.ts';
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
  context: Pick<RequestContext, 'runner' | 'entities' | 'measures'>,
  selection: ExportSelection,
  formatName: ExportFormatName,
  options: { caps?: GraphCaps; measures?: readonly ExportMeasure[] } = {},
): Promise<GraphExportResult | NotFound> {
  const subgraph = await loadExportSubgraph(context, selection, options.caps ?? DEFAULT_GRAPH_CAPS);
  if ('notFound' in subgraph) return subgraph;
  const graph = buildExportGraph(subgraph, { kind: selection.kind, parameters: describeParameters(selection) });
  await addExportMeasures(context, graph, options.measures ?? [], asOfBound(selection.asOf));
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

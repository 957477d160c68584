/**
 * Query.exportGraph: a subgraph as the files of one format, the same files GET /export/{format} downloads; null
 * when the selection names an unknown entity or no path exists (as Query.neighborhood and Query.shortestPath).
 */
import type { RequestContext } from '../../context.ts';
import { BadUserInputError } from '../../errors.ts';
import { createExport } from '../../export/create-export.ts';
import type { ExportFormatName } from '../../export/export-formats.ts';
import { checkExportMeasures } from '../../export/export-measures.ts';
import { checkSelection, type SelectionInput } from '../../export/export-selection.ts';
import type { ExportFormat, ExportSelection, QueryExportGraphArgs } from '../../generated/graphql.ts';

const FORMAT_NAMES: Record<ExportFormat, ExportFormatName> = {
  CYTOSCAPE: 'cytoscape',
  GRAPHOLOGY: 'graphology',
  GEXF: 'gexf',
  GRAPHML: 'graphml',
  NODE_LINK: 'node-link',
  CSV: 'csv',
};

/** The one selection kind given, as the export's input; BAD_USER_INPUT naming `selection` unless exactly one. */
function selectionInput(selection: ExportSelection): { key: string; input: SelectionInput } {
  const given = Object.entries(selection).filter(([, value]) => value !== null && value !== undefined);
  if (given.length !== 1) {
    throw new BadUserInputError(
      'selection',
      `'selection' must give exactly one of neighborhood, path, crossReference, ids, graph; got ${given.length}`,
    );
  }
  const { neighborhood, path, crossReference, ids, graph } = selection;
  if (neighborhood) return { key: 'neighborhood', input: { kind: 'neighborhood', ...neighborhood } };
  if (path) return { key: 'path', input: { kind: 'path', ...path } };
  if (crossReference) {
    return {
      key: 'crossReference',
      input: { kind: 'crossReference', filter: crossReference.filter ?? {}, asOf: crossReference.asOf ?? null },
    };
  }
  if (ids) return { key: 'ids', input: { kind: 'ids', ...ids } };
  return { key: 'graph', input: { kind: 'graph', ...graph } };
}

export async function exportGraph(_parent: unknown, args: QueryExportGraphArgs, context: RequestContext) {
  const { key, input } = selectionInput(args.selection);
  const selection = checkSelection(input, (parameter) =>
    key === 'crossReference' && parameter !== 'asOf'
      ? `selection.crossReference.filter.${parameter}`
      : `selection.${key}.${parameter}`,
  );
  const measures = checkExportMeasures('measures', args.measures ?? null);
  const result = await createExport(context, selection, FORMAT_NAMES[args.format], { measures });
  if ('notFound' in result) return null;
  return {
    format: args.format,
    mediaType: result.format.mediaType,
    nodeCount: result.metadata.nodeCount,
    edgeCount: result.metadata.edgeCount,
    truncated: result.metadata.truncated,
    files: result.files.map(({ filename, mediaType, content }) => ({ filename, mediaType, content })),
  };
}

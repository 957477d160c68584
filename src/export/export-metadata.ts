/**
 * Public contract (in every exported file): what an export holds, written into the file's own metadata (graph
 * attributes, GEXF meta, GraphML graph data, the zip's metadata.json) so a file says where it came from.
 */
export const GENERATED_BY = 'policy-knowledge-graph';

export interface ExportMetadata {
  /** The selection kind: neighborhood, path, crossReference, ids or graph. */
  selection: string;
  /** The selection's parameters as given, readable: `root=company:kioxia; depth=1`. */
  parameters: string;
  /** Ids of the documents the exported entities and relationships come from, `; ` separated. */
  documents: string;
  /** Whether a limit or cap left out part of the selection. */
  truncated: boolean;
  nodeCount: number;
  edgeCount: number;
  generatedBy: string;
}

/** One line for formats whose metadata is free text (GEXF's description). */
export function describeMetadata(metadata: ExportMetadata): string {
  return [
    `selection: ${metadata.selection}`,
    `parameters: ${metadata.parameters || '(none)'}`,
    `documents: ${metadata.documents}`,
    `truncated: ${metadata.truncated}`,
    `nodes: ${metadata.nodeCount}`,
    `edges: ${metadata.edgeCount}`,
  ].join('; ');
}

/**
 * Public contract: the export formats, by the name used in URLs (`/export/gexf`), with media type, file extension
 * and the tools that open them. Each writer is a pure function of the graph (no Node-only API), so a browser
 * bundle can reuse them.
 */
import type { ExportGraph } from './build-export-graph.ts';
import { writeCsv } from './write-csv.ts';
import { writeCytoscape } from './write-cytoscape.ts';
import { writeGexf } from './write-gexf.ts';
import { writeGraphml } from './write-graphml.ts';
import { writeGraphology } from './write-graphology.ts';
import { writeNodeLink } from './write-node-link.ts';

/** One written file: `part` names it when a format writes several (CSV: nodes, edges). */
interface ExportPart {
  part: string | null;
  content: string;
}

export interface ExportFormat {
  name: ExportFormatName;
  mediaType: string;
  /** Extension of each file the format writes. */
  extension: string;
  /** What opens it, for the README and error messages. */
  opensIn: string;
  write(graph: ExportGraph): ExportPart[];
}

export const EXPORT_FORMAT_NAMES = ['cytoscape', 'graphology', 'gexf', 'graphml', 'node-link', 'csv'] as const;
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];

const single =
  (write: (graph: ExportGraph) => string) =>
  (graph: ExportGraph): ExportPart[] => [{ part: null, content: write(graph) }];

export const EXPORT_FORMATS: Record<ExportFormatName, ExportFormat> = {
  cytoscape: {
    name: 'cytoscape',
    mediaType: 'application/json',
    extension: 'cyjs',
    opensIn: 'Cytoscape.js, Cytoscape desktop',
    write: single(writeCytoscape),
  },
  graphology: {
    name: 'graphology',
    mediaType: 'application/json',
    extension: 'graphology.json',
    opensIn: 'graphology, Sigma.js',
    write: single(writeGraphology),
  },
  gexf: {
    name: 'gexf',
    mediaType: 'application/gexf+xml',
    extension: 'gexf',
    opensIn: 'Gephi, graphology-gexf, networkx',
    write: single(writeGexf),
  },
  graphml: {
    name: 'graphml',
    mediaType: 'application/graphml+xml',
    extension: 'graphml',
    opensIn: 'yEd, Gephi, networkx, igraph, graphology-graphml',
    write: single(writeGraphml),
  },
  'node-link': {
    name: 'node-link',
    mediaType: 'application/json',
    extension: 'node-link.json',
    opensIn: 'networkx (node_link_graph)',
    write: single(writeNodeLink),
  },
  csv: {
    name: 'csv',
    mediaType: 'text/csv',
    extension: 'csv',
    opensIn: "Gephi's spreadsheet import, spreadsheets, pandas",
    write: (graph) => {
      const { nodes, edges } = writeCsv(graph);
      return [
        { part: 'nodes', content: nodes },
        { part: 'edges', content: edges },
      ];
    },
  },
};

export function isExportFormatName(name: string): name is ExportFormatName {
  return (EXPORT_FORMAT_NAMES as readonly string[]).includes(name);
}

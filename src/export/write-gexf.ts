/**
 * Internal: GEXF 1.3 (Gephi), written by graphology-gexf. Attribute types are declared (inferred from the values).
 * `pedantic` keeps `<meta>` to the schema's creator, description and keywords; the metadata goes into them.
 */
import type { Attributes } from 'graphology-types';
import gexf from 'graphology-gexf';
import type { ExportGraph } from './build-export-graph.ts';
import { describeMetadata } from './export-metadata.ts';

export function writeGexf(graph: ExportGraph): string {
  const metadata = graph.getAttributes();
  // The writer takes meta from graph attributes: a copy gets the GEXF names, the caller's graph stays as it is.
  const copy = graph.copy();
  (copy as unknown as { replaceAttributes(a: Attributes): void }).replaceAttributes({
    creator: metadata.generatedBy,
    description: describeMetadata(metadata),
    keywords: [metadata.selection, metadata.documents].join('; '),
  });
  return gexf.write(copy, {
    version: '1.3',
    pedantic: true,
    formatNode: (_key, attributes) => ({ label: String(attributes['label']), attributes }),
    formatEdge: (_key, attributes) => ({ label: String(attributes['label']), attributes }),
  });
}

/**
 * Test helper: reads an exported file back with the format's real reader (graphology-gexf and graphology-graphml
 * parsers, graphology's import, headless Cytoscape.js, csv-parse on the unzipped CSV) into one shape the tests
 * compare with GraphQL answers.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import cytoscape from 'cytoscape';
import { unzipSync, strFromU8 } from 'fflate';
import { MultiDirectedGraph, MultiGraph } from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import type { AbstractGraph } from 'graphology-types';

export interface ReadGraph {
  nodes: Map<string, Record<string, unknown>>;
  edges: Map<string, { source: string; target: string; attributes: Record<string, unknown> }>;
  metadata: Record<string, unknown>;
}

function fromGraphology(graph: AbstractGraph): ReadGraph {
  return {
    nodes: new Map(graph.mapNodes((id, attributes) => [id, attributes])),
    edges: new Map(graph.mapEdges((id, attributes, source, target) => [id, { source, target, attributes }])),
    metadata: graph.getAttributes(),
  };
}

export function readGexf(text: string): ReadGraph {
  // MultiGraph: graphology-gexf reads a file without edges as a mixed graph.
  return fromGraphology(gexf.parse(MultiGraph, text));
}

export function readGraphml(text: string): ReadGraph {
  return fromGraphology(graphml.parse(MultiDirectedGraph, text));
}

export function readGraphology(text: string): ReadGraph {
  return fromGraphology(MultiDirectedGraph.from(JSON.parse(text)));
}

export function readCytoscape(text: string): ReadGraph {
  const json = JSON.parse(text) as { data: Record<string, unknown>; elements: cytoscape.ElementsDefinition };
  const cy = cytoscape({ headless: true, elements: json.elements });
  const read: ReadGraph = {
    nodes: new Map(cy.nodes().map((n) => [n.id(), n.data() as Record<string, unknown>])),
    edges: new Map(
      cy
        .edges()
        .map((e) => [
          e.id(),
          { source: e.source().id(), target: e.target().id(), attributes: e.data() as Record<string, unknown> },
        ]),
    ),
    metadata: json.data,
  };
  cy.destroy();
  return read;
}

/** CSV cells are text: numbers and booleans come back as strings. */
export function readCsvZip(bytes: Uint8Array): ReadGraph & { files: string[] } {
  const files = unzipSync(bytes);
  const table = (name: string) => {
    const file = files[name];
    if (!file) throw new Error(`the zip has no ${name}`);
    return parseCsv(strFromU8(file), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  };
  const withoutEmpty = (row: Record<string, string>) =>
    Object.fromEntries(Object.entries(row).filter(([, v]) => v !== ''));
  return {
    files: Object.keys(files).sort(),
    nodes: new Map(table('nodes.csv').map((row) => [String(row['id']), withoutEmpty(row)])),
    edges: new Map(
      table('edges.csv').map((row) => [
        String(row['id']),
        { source: String(row['source']), target: String(row['target']), attributes: withoutEmpty(row) },
      ]),
    ),
    metadata: JSON.parse(strFromU8(files['metadata.json'] ?? new Uint8Array())) as Record<string, unknown>,
  };
}

/**
 * Exports of the view carry the view: the server's file for the drawn nodes, with each node's position, colour and
 * size on screen written into it in the format's own terms, so a graph tool opens it as it was drawn. GEXF gets
 * `viz:position`, `viz:color` and `viz:size`; GraphML `x`, `y`, `size`, `r`, `g`, `b` keys (what Gephi and yEd's
 * importers read); Cytoscape.js a `position` per node; graphology and node-link JSON `x`, `y`, `size`, `color`
 * attributes. CSV stays as the server wrote it.
 */
import type { ExportFormat } from './export-view.ts';

export interface DrawnNode {
  x: number;
  y: number;
  size: number;
  /** #rrggbb */
  color: string;
}

const VIZ = 'http://gexf.net/1.3/viz';

function rgb(color: string): [number, number, number] {
  const n = Number.parseInt(color.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function round(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

function xml(text: string): Document {
  const document = new DOMParser().parseFromString(text, 'application/xml');
  if (document.querySelector('parsererror') !== null) throw new Error('The export could not be read back as XML');
  return document;
}

function withGexfLayout(text: string, drawn: ReadonlyMap<string, DrawnNode>): string {
  const document = xml(text);
  for (const node of Array.from(document.getElementsByTagName('node'))) {
    const view = drawn.get(node.getAttribute('id') ?? '');
    if (view === undefined) continue;
    const [r, g, b] = rgb(view.color);
    const color = document.createElementNS(VIZ, 'viz:color');
    color.setAttribute('r', String(r));
    color.setAttribute('g', String(g));
    color.setAttribute('b', String(b));
    const position = document.createElementNS(VIZ, 'viz:position');
    position.setAttribute('x', round(view.x));
    position.setAttribute('y', round(view.y));
    position.setAttribute('z', '0');
    const size = document.createElementNS(VIZ, 'viz:size');
    size.setAttribute('value', round(view.size));
    node.append(color, position, size);
  }
  return new XMLSerializer().serializeToString(document);
}

const GRAPHML = 'http://graphml.graphdrawing.org/xmlns';
const GRAPHML_KEYS: ReadonlyArray<[string, string]> = [
  ['x', 'double'],
  ['y', 'double'],
  ['size', 'double'],
  ['r', 'int'],
  ['g', 'int'],
  ['b', 'int'],
];

function withGraphmlLayout(text: string, drawn: ReadonlyMap<string, DrawnNode>): string {
  const document = xml(text);
  const root = document.documentElement;
  const graph = root.getElementsByTagNameNS(GRAPHML, 'graph')[0];
  for (const [name, type] of GRAPHML_KEYS) {
    const key = document.createElementNS(GRAPHML, 'key');
    key.setAttribute('id', `view-${name}`);
    key.setAttribute('for', 'node');
    key.setAttribute('attr.name', name);
    key.setAttribute('attr.type', type);
    root.insertBefore(key, graph ?? null);
  }
  for (const node of Array.from(document.getElementsByTagNameNS(GRAPHML, 'node'))) {
    const view = drawn.get(node.getAttribute('id') ?? '');
    if (view === undefined) continue;
    const [r, g, b] = rgb(view.color);
    const values: Record<string, string> = {
      x: round(view.x),
      y: round(view.y),
      size: round(view.size),
      r: String(r),
      g: String(g),
      b: String(b),
    };
    for (const [name] of GRAPHML_KEYS) {
      const data = document.createElementNS(GRAPHML, 'data');
      data.setAttribute('key', `view-${name}`);
      data.textContent = values[name] ?? '';
      node.append(data);
    }
  }
  return new XMLSerializer().serializeToString(document);
}

type Json = Record<string, unknown>;

function withJsonLayout(format: ExportFormat, text: string, drawn: ReadonlyMap<string, DrawnNode>): string {
  const file = JSON.parse(text) as Json;
  const attributes = (view: DrawnNode) => ({ x: view.x, y: view.y, size: view.size, color: view.color });
  if (format === 'cytoscape') {
    const nodes = ((file['elements'] as Json | undefined)?.['nodes'] ?? []) as Array<{ data: Json; position?: Json }>;
    for (const node of nodes) {
      const view = drawn.get(String(node.data['id']));
      if (view === undefined) continue;
      // Cytoscape's y grows downwards, the layout's upwards.
      node.position = { x: view.x, y: -view.y };
      Object.assign(node.data, { size: view.size, color: view.color });
    }
  } else if (format === 'graphology') {
    for (const node of (file['nodes'] ?? []) as Array<{ key: string; attributes?: Json }>) {
      const view = drawn.get(node.key);
      if (view !== undefined) node.attributes = { ...node.attributes, ...attributes(view) };
    }
  } else {
    for (const node of (file['nodes'] ?? []) as Json[]) {
      const view = drawn.get(String(node['id']));
      if (view !== undefined) Object.assign(node, attributes(view));
    }
  }
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The server's export text with the drawn layout written in; CSV unchanged. */
export function withViewLayout(format: ExportFormat, text: string, drawn: ReadonlyMap<string, DrawnNode>): string {
  switch (format) {
    case 'gexf':
      return withGexfLayout(text, drawn);
    case 'graphml':
      return withGraphmlLayout(text, drawn);
    case 'cytoscape':
    case 'graphology':
    case 'node-link':
      return withJsonLayout(format, text, drawn);
    case 'csv':
      return text;
    default: {
      const never: never = format;
      return never;
    }
  }
}

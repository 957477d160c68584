/**
 * Exports over HTTP, every format: status, media type and Content-Disposition, then the file read back with the
 * format's real reader and held against Query.neighborhood's answer for the same selection (node and edge ids,
 * kind, name, a citation, an amount with its currency, the truncated flag).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';
import {
  readCsvZip,
  readCytoscape,
  readGexf,
  readGraphml,
  readGraphology,
  type ReadGraph,
} from '../../helpers/export-readers.ts';
import { pythonsWithNetworkx, readWithNetworkx } from '../../helpers/networkx-reader.ts';

interface Citation {
  section: string;
  table: string | null;
  row: number | null;
  quote: string;
}
interface GqlNode {
  id: string;
  kind: string;
  name: string;
  properties: Record<string, unknown>;
  sources: Citation[];
}
interface GqlEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  properties: Record<string, unknown>;
  sources: Citation[];
}

const ROOT = 'company:kioxia';
const QUERY = `root=${encodeURIComponent(ROOT)}&depth=2&limit=500`;

let api: ApiServer;
let base: string;
let expected: { nodes: GqlNode[]; edges: GqlEdge[]; truncated: boolean };

beforeAll(async () => {
  api = await startApiServer();
  base = api.url.replace(/\/graphql$/, '');
  const citation = 'sources { section table row quote }';
  const { data, errors } = await api.graphql(
    `{ neighborhood(id: "${ROOT}", depth: 2, limit: 500) {
        truncated
        nodes { id kind name properties ${citation} }
        edges { id source target type properties ${citation} }
      } }`,
  );
  expect(errors).toBeUndefined();
  expected = data?.neighborhood;
});
afterAll(() => api.close());

async function download(format: string): Promise<Response> {
  const response = await fetch(`${base}/export/${format}?${QUERY}`);
  expect(response.status).toBe(200);
  return response;
}

/**
 * The samples checked in every format: the root, a node with an amount (or ceiling) and its currency, an edge
 * with a citation, an edge with an amount.
 */
function samples() {
  const amountKey = (properties: Record<string, unknown>) =>
    ['amount', 'maxAmount'].find((key) => typeof properties[key] === 'number');
  const root = expected.nodes.find((n) => n.id === ROOT);
  const withAmount = expected.nodes.find((n) => amountKey(n.properties) && n.properties['currency']);
  const cited = expected.edges.find((e) => e.sources.length > 0);
  const edgeWithAmount = expected.edges.find((e) => amountKey(e.properties) && e.properties['currency']);
  const key = withAmount && amountKey(withAmount.properties);
  if (!root || !withAmount || !key || !cited || !edgeWithAmount) throw new Error('the neighborhood lacks a sample');
  return { root, withAmount, amountKey: key, cited, edgeWithAmount };
}

/** Checks a read-back graph against the GraphQL answer; `text` when the format keeps only strings (CSV). */
function expectSameAsGraphql(read: ReadGraph, text = false) {
  const value = (v: unknown) => (text ? String(v) : v);
  expect([...read.nodes.keys()].sort()).toEqual(expected.nodes.map((n) => n.id).sort());
  expect([...read.edges.keys()].sort()).toEqual(expected.edges.map((e) => e.id).sort());
  const { root, withAmount, amountKey, cited, edgeWithAmount } = samples();

  const readRoot = read.nodes.get(root.id);
  expect(readRoot?.['kind']).toBe('Company');
  expect(readRoot?.['name']).toBe(root.name);
  expect(readRoot?.['label']).toBe(root.name);
  expect(String(readRoot?.['citations'])).toContain(root.sources[0]?.quote);

  const readAmount = read.nodes.get(withAmount.id);
  expect(readAmount?.[amountKey]).toEqual(value(withAmount.properties[amountKey]));
  expect(readAmount?.['currency']).toBe(withAmount.properties['currency']);
  expect(readAmount?.['kind']).toBe(withAmount.kind);

  const readCited = read.edges.get(cited.id);
  expect(readCited?.source).toBe(cited.source);
  expect(readCited?.target).toBe(cited.target);
  expect(readCited?.attributes['relationshipType']).toBe(cited.type);
  const first = cited.sources[0];
  expect(String(readCited?.attributes['citations'])).toContain(`${first?.section}`);
  expect(String(readCited?.attributes['citations'])).toContain(`"${first?.quote}"`);

  const readEdgeAmount = read.edges.get(edgeWithAmount.id)?.attributes;
  for (const key of ['amount', 'maxAmount', 'currency', 'date']) {
    if (edgeWithAmount.properties[key] !== undefined)
      expect(readEdgeAmount?.[key]).toEqual(value(edgeWithAmount.properties[key]));
  }
}

describe('GET /export/:format: every format read back with its real reader', () => {
  it('gexf: GEXF 1.3 that graphology-gexf parses, with declared attribute types and the metadata in <meta>', async () => {
    const response = await download('gexf');
    expect(response.headers.get('content-type')).toMatch(/^application\/gexf\+xml/);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="neighborhood-company-kioxia-d2.gexf"',
    );
    const text = await response.text();
    expect(text).toContain('<gexf version="1.3" xmlns="http://gexf.net/1.3"');
    expect(text).toMatch(/<attribute id="maxAmount" title="maxAmount" type="(double|long)"\/>/);
    const read = readGexf(text);
    expectSameAsGraphql(read);
    expect(read.metadata['creator']).toBe('policy-knowledge-graph');
    expect(read.metadata['description']).toContain(`truncated: ${expected.truncated}`);
    expect(read.metadata['description']).toContain(`root=${ROOT}`);
    expect(read.metadata['description']).toContain('documents: japan-supply-chain-policy');
  });

  it('graphml: GraphML that graphology-graphml parses, every attribute a typed key', async () => {
    const response = await download('graphml');
    expect(response.headers.get('content-type')).toMatch(/^application\/graphml\+xml/);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="neighborhood-company-kioxia-d2.graphml"',
    );
    const text = await response.text();
    expect(text).toMatch(/<key id="n\d+" for="node" attr\.name="maxAmount" attr\.type="long"\/>/);
    expect(text).toMatch(/<key id="g\d+" for="graph" attr\.name="truncated" attr\.type="boolean"\/>/);
    const read = readGraphml(text);
    expectSameAsGraphql(read);
    expect(read.metadata['truncated']).toBe(expected.truncated);
    expect(read.metadata['selection']).toBe('neighborhood');
    expect(read.metadata['generatedBy']).toBe('policy-knowledge-graph');
  });

  it('cytoscape: elements JSON that headless Cytoscape.js loads', async () => {
    const response = await download('cytoscape');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="neighborhood-company-kioxia-d2.cyjs"',
    );
    const read = readCytoscape(await response.text());
    expectSameAsGraphql(read);
    expect(read.metadata['truncated']).toBe(expected.truncated);
  });

  it("graphology: serialized JSON that graphology's import reads", async () => {
    const response = await download('graphology');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="neighborhood-company-kioxia-d2.graphology.json"',
    );
    const read = readGraphology(await response.text());
    expectSameAsGraphql(read);
    expect(read.metadata['documents']).toBe('japan-supply-chain-policy');
  });

  it('csv: a zip of nodes.csv, edges.csv and metadata.json that csv-parse reads', async () => {
    const response = await download('csv');
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="neighborhood-company-kioxia-d2-csv.zip"',
    );
    const read = readCsvZip(new Uint8Array(await response.arrayBuffer()));
    expect(read.files).toEqual(['edges.csv', 'metadata.json', 'nodes.csv']);
    expectSameAsGraphql(read, true);
    expect(read.metadata['truncated']).toBe(expected.truncated);
  });

  it('node-link: JSON in networkx node_link_data shape', async () => {
    const response = await download('node-link');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="neighborhood-company-kioxia-d2.node-link.json"',
    );
    const json = (await response.json()) as {
      directed: boolean;
      multigraph: boolean;
      nodes: unknown[];
      links: unknown[];
    };
    expect(json.directed).toBe(true);
    expect(json.multigraph).toBe(true);
    expect(json.nodes).toHaveLength(expected.nodes.length);
    expect(json.links).toHaveLength(expected.edges.length);
  });
});

const pythons = pythonsWithNetworkx();

describe.runIf(pythons.length > 0)('networkx reads the GraphML and node-link exports', () => {
  it.each(
    pythons.flatMap(
      (python) =>
        [
          [python, 'graphml'],
          [python, 'node-link'],
        ] as Array<[string, 'graphml' | 'node-link']>,
    ),
  )('%s reads %s', async (python, format) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'export-'));
    const file = path.join(dir, `export.${format}`);
    writeFileSync(file, await (await download(format)).text());
    const g = readWithNetworkx(python, format, file);
    expect(g.directed).toBe(true);
    expect(g.multigraph).toBe(true);
    expect(Object.keys(g.nodes).sort()).toEqual(expected.nodes.map((n) => n.id).sort());
    const triples = (list: Array<[string, string, string]>) => list.map((t) => t.join(' ')).sort();
    expect(triples(g.edges.map(([u, v, , a]) => [u, v, String(a['relationshipType'])]))).toEqual(
      triples(expected.edges.map((e) => [e.source, e.target, e.type])),
    );
    const { root, withAmount, amountKey } = samples();
    expect(g.nodes[root.id]?.['kind']).toBe('Company');
    expect(g.nodes[root.id]?.['name']).toBe(root.name);
    expect(String(g.nodes[root.id]?.['citations'])).toContain(root.sources[0]?.quote);
    expect(g.nodes[withAmount.id]?.[amountKey]).toBe(withAmount.properties[amountKey]);
    expect(g.nodes[withAmount.id]?.['currency']).toBe(withAmount.properties['currency']);
    expect(g.graph['truncated']).toBe(expected.truncated);
  });
});

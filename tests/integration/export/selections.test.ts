/**
 * Export selections (path, cross-reference, ids by GET and POST, the whole graph and its cap), Query.exportGraph,
 * and the errors: each bad parameter named, an unknown root 404, an unknown format 400.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExportRouter } from '../../../src/export/export-route.ts';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';
import { readGexf, readGraphology, type ReadGraph } from '../../helpers/export-readers.ts';

let api: ApiServer;
let base: string;
beforeAll(async () => {
  api = await startApiServer();
  base = api.url.replace(/\/graphql$/, '');
});
afterAll(() => api.close());

async function exported(query: string, init?: RequestInit): Promise<ReadGraph> {
  const response = await fetch(`${base}/export/graphology${query}`, init);
  expect(response.status).toBe(200);
  return readGraphology(await response.text());
}

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const { data, errors } = await api.graphql(query, variables);
  expect(errors).toBeUndefined();
  return data as Record<string, any>;
}

describe('Export selections match the GraphQL answers', () => {
  it('path: the nodes and edges of Query.shortestPath', async () => {
    const data = await gql(
      '{ shortestPath(from: "country:south-korea", to: "org:imec") { nodes { id } edges { id } } }',
    );
    const read = await exported('?from=country:south-korea&to=org:imec');
    const nodes = data['shortestPath'].nodes.map((n: { id: string }) => n.id);
    expect(nodes.length).toBeGreaterThan(1);
    expect([...read.nodes.keys()].sort()).toEqual([...nodes].sort());
    expect([...read.edges.keys()].sort()).toEqual(data['shortestPath'].edges.map((e: { id: string }) => e.id).sort());
    expect(read.metadata['selection']).toBe('path');
  });

  it('cross-reference: companies, materials and categories, one edge per link of Query.crossReference', async () => {
    const data = await gql(`{ crossReference(filter: { minCategories: 2 }) {
      totalCount edges { node { company { id } material { id } category { id } linkType } } } }`);
    const rows = data['crossReference'].edges.map((e: any) => e.node);
    expect(rows.length).toBeGreaterThan(0);
    const read = await exported('?selection=cross-reference&minCategories=2');
    for (const row of rows) {
      expect(read.nodes.get(row.company.id)?.['kind']).toBe('Company');
      expect(read.nodes.get(row.material.id)?.['kind']).toBe('Material');
      expect(read.nodes.has(row.category.id)).toBe(true);
      expect(read.edges.has(`${row.linkType}:${row.company.id}->${row.material.id}`)).toBe(true);
    }
    const links = [...read.edges.values()].filter((e) => e.attributes['relationshipType'] !== 'IN_CATEGORY');
    expect(links).toHaveLength(data['crossReference'].totalCount);
    const companies = new Set(rows.map((r: any) => r.company.id));
    expect([...read.nodes.values()].filter((n) => n['kind'] === 'Company').length).toBe(companies.size);
  });

  it('ids: those entities and the relationships among them, by GET and by POST', async () => {
    const ids = ['company:kioxia', 'facility:kioxia-yokkaichi-plant', 'org:meti'];
    const data = await gql(
      '{ neighborhood(id: "facility:kioxia-yokkaichi-plant", limit: 500) { edges { id source target } } }',
    );
    const among = data['neighborhood'].edges
      .filter((e: any) => ids.includes(e.source) && ids.includes(e.target))
      .map((e: any) => e.id)
      .sort();
    expect(among.length).toBeGreaterThan(1);
    const byGet = await exported(`?ids=${ids.join(',')}`);
    expect([...byGet.nodes.keys()].sort()).toEqual([...ids].sort());
    expect([...byGet.edges.keys()].sort()).toEqual(among);
    const repeated = await exported(`?${ids.map((id) => `ids=${id}`).join('&')}`);
    expect([...repeated.edges.keys()].sort()).toEqual(among);
    const byPost = await exported('', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids }),
    });
    expect([...byPost.nodes.keys()].sort()).toEqual([...ids].sort());
    expect([...byPost.edges.keys()].sort()).toEqual(among);
  });

  it('graph: every entity and relationship (as graphStats counts them), not truncated under the cap', async () => {
    const data = await gql('{ graphStats { entityCount relationshipCount } }');
    const read = await exported('?selection=graph');
    expect(read.nodes.size).toBe(data['graphStats'].entityCount);
    expect(read.edges.size).toBe(data['graphStats'].relationshipCount);
    expect(read.metadata['truncated']).toBe(false);
  });

  it('asOf filters relationships as Query.neighborhood does', async () => {
    const query = (asOf: string) =>
      gql(`{ neighborhood(id: "country:japan", asOf: "${asOf}", limit: 500) { nodes { id } edges { id } } }`);
    const data = await query('2022-06');
    const read = await exported('?root=country:japan&asOf=2022-06&limit=500');
    expect([...read.edges.keys()].sort()).toEqual(data['neighborhood'].edges.map((e: any) => e.id).sort());
    expect(read.metadata['parameters']).toContain('asOf=2022-06');
  });
});

describe('Whole-graph cap', () => {
  async function withCaps(maxNodes: number, maxEdges: number, run: (url: string) => Promise<void>) {
    const app = express();
    app.use(createExportRouter(api.db.runner, { caps: { maxNodes, maxEdges } }));
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('keeps the first nodes in id order up to the cap and says truncated in the file', async () => {
    await withCaps(7, 100_000, async (url) => {
      const response = await fetch(`${url}/export/gexf?selection=graph`);
      expect(response.status).toBe(200);
      const read = readGexf(await response.text());
      const ids = [...read.nodes.keys()];
      expect(ids).toHaveLength(7);
      expect(ids).toEqual([...ids].sort());
      expect(read.metadata['description']).toContain('truncated: true');
      for (const edge of read.edges.values()) expect(ids).toEqual(expect.arrayContaining([edge.source, edge.target]));
    });
  });

  it('caps the relationships too', async () => {
    await withCaps(100_000, 3, async (url) => {
      const response = await fetch(`${url}/export/graphology?selection=graph`);
      const read = readGraphology(await response.text());
      expect(read.edges.size).toBe(3);
      expect(read.metadata['truncated']).toBe(true);
    });
  });
});

describe('Query.exportGraph', () => {
  const EXPORT = `query($format: ExportFormat!, $selection: ExportSelection!) {
    exportGraph(format: $format, selection: $selection) {
      format mediaType nodeCount edgeCount truncated files { filename mediaType content }
    } }`;

  it('gives the same file as the download, with counts', async () => {
    const data = await gql(EXPORT, {
      format: 'GEXF',
      selection: { neighborhood: { root: 'company:kioxia', depth: 1 } },
    });
    const result = data['exportGraph'];
    const download = await (await fetch(`${base}/export/gexf?root=company:kioxia&depth=1`)).text();
    expect(result.files).toHaveLength(1);
    expect(result.files[0].filename).toBe('neighborhood-company-kioxia-d1.gexf');
    expect(result.files[0].content).toBe(download);
    const read = readGexf(result.files[0].content);
    expect(result.nodeCount).toBe(read.nodes.size);
    expect(result.edgeCount).toBe(read.edges.size);
    const neighborhood = await gql('{ neighborhood(id: "company:kioxia") { nodes { id } truncated } }');
    expect(result.nodeCount).toBe(neighborhood['neighborhood'].nodes.length);
    expect(result.truncated).toBe(neighborhood['neighborhood'].truncated);
  });

  it('gives CSV as two files, nodes then edges', async () => {
    const data = await gql(EXPORT, {
      format: 'CSV',
      selection: { ids: { ids: ['company:kioxia', 'facility:kioxia-yokkaichi-plant'] } },
    });
    const files = data['exportGraph'].files;
    expect(files.map((f: any) => f.filename)).toEqual(['ids-2-entities-nodes.csv', 'ids-2-entities-edges.csv']);
    expect(files[0].content.split('\n')[0]).toMatch(/^id,label,kind,name/);
    expect(files[1].content).toContain('OPERATES');
  });

  it('returns null for an unknown root', async () => {
    const data = await gql(EXPORT, { format: 'GRAPHML', selection: { neighborhood: { root: 'company:nope' } } });
    expect(data['exportGraph']).toBeNull();
  });

  it.each([
    [{}, 'selection'],
    [{ neighborhood: { root: 'company:kioxia' }, graph: {} }, 'selection'],
    [{ neighborhood: { root: 'company:kioxia', depth: 9 } }, 'selection.neighborhood.depth'],
    [{ path: { from: 'company:kioxia', to: 'org:imec', maxHops: 0 } }, 'selection.path.maxHops'],
    [{ ids: { ids: [] } }, 'selection.ids.ids'],
    [{ crossReference: { filter: { minCategories: 0 } } }, 'selection.crossReference.filter.minCategories'],
  ])('names the bad argument: %j -> %s', async (selection, argument) => {
    const { errors } = await api.graphql(EXPORT, { format: 'GEXF', selection });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});

describe('Export errors over HTTP', () => {
  it.each([
    ['/export/gexf?root=company:kioxia&depth=9', 'depth'],
    ['/export/gexf?root=company:kioxia&depth=two', 'depth'],
    ['/export/gexf?root=company:kioxia&limit=0', 'limit'],
    ['/export/gexf?root=company:kioxia&types=NOT_A_TYPE', 'types'],
    ['/export/gexf?root=company:kioxia&asOf=2022-13', 'asOf'],
    ['/export/gexf?root=company:kioxia&dept=2', 'dept'],
    ['/export/gexf?root=a&root=b', 'root'],
    ['/export/gexf?from=company:kioxia', 'to'],
    ['/export/gexf?from=company:kioxia&to=org:imec&maxHops=11', 'maxHops'],
    ['/export/gexf?selection=cross-reference&minCategories=x', 'minCategories'],
    ['/export/gexf', 'selection'],
    ['/export/gexf?selection=everything', 'selection'],
    ['/export/gexf?selection=graph&root=company:kioxia', 'root'],
    [`/export/gexf?ids=${Array.from({ length: 501 }, (_, i) => `company:c${i}`).join(',')}`, 'ids'],
    ['/export/pdf?root=company:kioxia', 'format'],
  ])('%s: 400 naming %s', async (url, argument) => {
    const response = await fetch(`${base}${url}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
    expect(body.errors[0]?.message).toContain(argument);
  });

  it.each([
    ['/export/gexf?root=company:does-not-exist', 'root'],
    ['/export/gexf?from=company:kioxia&to=org:nope', 'to'],
    ['/export/csv?ids=company:kioxia,company:nope', 'ids'],
  ])('%s: 404 naming %s', async (url, argument) => {
    const response = await fetch(`${base}${url}`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors[0]?.extensions).toEqual({ code: 'NOT_FOUND', argument });
  });

  it('a POST body that is not a JSON object is a 400 in the same shape', async () => {
    const response = await fetch(`${base}/export/gexf`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[1, 2]',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0]?.extensions['code']).toBe('BAD_USER_INPUT');
  });
});

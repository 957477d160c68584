/**
 * Exports carrying analytics as node attributes (`?measures=`, Query.exportGraph's `measures`): each attribute
 * equals the API's own answer for that entity, in every format that reads back attributes, and an unknown
 * measure is refused by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';
import { readGexf, readGraphml, readGraphology, type ReadGraph } from '../../helpers/export-readers.ts';

let api: ApiServer;
let base: string;
beforeAll(async () => {
  api = await startApiServer();
  base = api.url.replace(/\/graphql$/, '');
});
afterAll(() => api.close());

async function gql(query: string): Promise<Record<string, any>> {
  const { data, errors } = await api.graphql(query);
  expect(errors).toBeUndefined();
  return data as Record<string, any>;
}

const READERS: Record<string, (text: string) => ReadGraph> = {
  graphology: readGraphology,
  gexf: readGexf,
  graphml: readGraphml,
};

describe('Exports carry the analytics as node attributes', () => {
  it.each(Object.keys(READERS))('%s: hhi, betweenness and community equal the API answers', async (format) => {
    const response = await fetch(
      `${base}/export/${format}?root=company:resonac&depth=1&measures=hhi,betweenness,community`,
    );
    expect(response.status).toBe(200);
    const read = READERS[format]!(await response.text());
    const materials = [...read.nodes.entries()].filter(([, a]) => a['kind'] === 'Material').map(([id]) => id);
    expect(materials.length).toBeGreaterThan(0);

    const risk = await gql(
      `{ supplyRisk(filter: { materials: ${JSON.stringify(materials)} }, first: 100) {
           edges { node { material { id } hhiByCompany supplierCount singleSupplier } } } }`,
    );
    const rows = risk['supplyRisk'].edges.map((e: any) => e.node);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const attributes = read.nodes.get(row.material.id)!;
      expect(Number(attributes['hhiByCompany'])).toBeCloseTo(row.hhiByCompany, 6);
      expect(Number(attributes['supplierCount'])).toBe(row.supplierCount);
      expect(String(attributes['singleSupplier'])).toBe(String(row.singleSupplier));
    }

    const scores = await gql('{ centrality(measure: BETWEENNESS, first: 100) { entity { id } score } }');
    const byId = new Map(scores['centrality'].map((s: any) => [s.entity.id, s.score]));
    expect(Number(read.nodes.get('company:resonac')!['betweenness'])).toBeCloseTo(
      byId.get('company:resonac') as number,
      9,
    );

    const communities = await gql('{ communities(first: 100) { id members(first: 100) { edges { node { id } } } } }');
    const communityOf = new Map<string, number>();
    for (const c of communities['communities']) for (const e of c.members.edges) communityOf.set(e.node.id, c.id);
    expect(Number(read.nodes.get('company:resonac')!['community'])).toBe(communityOf.get('company:resonac'));
  });

  it('Query.exportGraph takes the same measures', async () => {
    const data = await gql(`{ exportGraph(format: NODE_LINK, selection: { neighborhood: { root: "company:resonac" } },
      measures: [DEGREE]) { files { content } } }`);
    const nodes = JSON.parse(data['exportGraph'].files[0].content).nodes as Array<Record<string, unknown>>;
    const degree = await gql('{ centrality(measure: DEGREE, first: 100) { entity { id } score } }');
    const resonac = degree['centrality'].find((s: any) => s.entity.id === 'company:resonac');
    expect(nodes.find((n) => n['id'] === 'company:resonac')?.['degree']).toBe(resonac.score);
  });

  it('an unknown measure is refused by name', async () => {
    const response = await fetch(`${base}/export/gexf?root=company:resonac&measures=hhi,colour`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'measures' });
    expect(body.errors[0].message).toContain("'colour'");
  });
});

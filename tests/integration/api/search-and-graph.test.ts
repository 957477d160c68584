/**
 * Query.search (ranking, misspellings, case and punctuation), Query.neighborhood (depth, types, truncation, asOf)
 * and Query.shortestPath (a path, no path, bounds).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
});
afterAll(() => api.close());

async function searchIds(text: string, extra = ''): Promise<string[]> {
  const { data, errors } = await api.graphql(
    `query($text: String!) { search(text: $text${extra}) { score entity { id } } }`,
    { text },
  );
  expect(errors).toBeUndefined();
  const hits = data?.search as Array<{ score: number; entity: { id: string } }>;
  const scores = hits.map((h) => h.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  return hits.map((h) => h.entity.id);
}

describe('Query.search: ranking', () => {
  it.each([
    ['Rapidus', 'company:rapidus'],
    ['TSMC', 'company:tsmc'],
    ['semiconductor', 'material:semiconductors'],
    ['METI', 'org:meti'],
    ['Minerals Security Partnership', 'framework:msp'],
    // An exact alias wins over names that merely contain it.
    ['IPEF', 'framework:ipef'],
    ['ipef', 'framework:ipef'],
    ['LSTC', 'org:lstc'],
    ['L.S.T.C.', 'org:lstc'],
  ])('"%s" ranks %s first', async (text, id) => {
    expect((await searchIds(text))[0]).toBe(id);
  });

  it('finds by alias and description, not just name', async () => {
    expect(await searchIds('Leading-edge Semiconductor Technology Center')).toContain('org:lstc');
    expect(await searchIds('LSTC')).toContain('org:lstc');
  });
});

describe('Query.search: tolerance', () => {
  it.each([
    ['Rapidas', 'company:rapidus'],
    ['Kioxai', 'company:kioxia'],
    ['Panasonik', 'company:panasonic'],
    ['rapidus', 'company:rapidus'],
    ['RAPIDUS!!!', 'company:rapidus'],
    ['t.s.m.c', 'company:tsmc'],
  ])('"%s" still finds %s in the top three', async (text, id) => {
    expect((await searchIds(text)).slice(0, 3)).toContain(id);
  });

  it('filters by kind and bounds the number of hits', async () => {
    const hits = await searchIds('semiconductor', ', kinds: [Company, Facility], first: 3');
    expect(hits.length).toBeLessThanOrEqual(3);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((id) => id.startsWith('company:') || id.startsWith('facility:'))).toBe(true);
  });

  it('returns no hits, not an error, for a word nothing contains', async () => {
    expect(await searchIds('xylophone')).toEqual([]);
  });
});

describe('Query.neighborhood', () => {
  const NEIGHBORHOOD = `query($id: ID!, $depth: Int, $limit: Int, $types: [RelationshipType!], $asOf: PartialDate) {
    neighborhood(id: $id, depth: $depth, limit: $limit, types: $types, asOf: $asOf) {
      center { id } truncated
      nodes { id }
      edges { id source target type properties sources { quote } }
    }
  }`;

  it('reads the same nodes and edges whether the selection needs their ids, their core or every property', async () => {
    const ask = (nodeFields: string, edgeFields: string) =>
      api.graphql(`{ neighborhood(id: "country:japan", depth: 2, limit: 120) {
        nodes { id name kind ${nodeFields} } edges { id source target type ${edgeFields} } truncated } }`);
    const core = await ask('', '');
    const full = await ask('description', 'note');
    expect(core.errors).toBeUndefined();
    expect(full.errors).toBeUndefined();
    const shared = (sub: any) => ({
      nodes: sub.nodes.map(({ id, name, kind }: any) => ({ id, name, kind })),
      edges: sub.edges.map(({ id, source, target, type }: any) => ({ id, source, target, type })),
      truncated: sub.truncated,
    });
    expect(core.data?.neighborhood.edges.length).toBeGreaterThan(50);
    expect(shared(core.data?.neighborhood)).toEqual(shared(full.data?.neighborhood));
    // Edges selecting only their id are read as ids: the same edges, in the same order.
    const ids = await api.graphql(`{ neighborhood(id: "country:japan", depth: 2, limit: 120) {
      edges { id __typename } } }`);
    expect(ids.errors).toBeUndefined();
    expect(ids.data?.neighborhood.edges).toEqual(
      core.data?.neighborhood.edges.map(({ id }: any) => ({ id, __typename: 'Relationship' })),
    );
  });

  it('returns the centre, its neighbours and the edges among them, each edge between returned nodes', async () => {
    const { data, errors } = await api.graphql(NEIGHBORHOOD, { id: 'company:rapidus' });
    expect(errors).toBeUndefined();
    const sub = data?.neighborhood;
    expect(sub.center.id).toBe('company:rapidus');
    expect(sub.nodes[0].id).toBe('company:rapidus');
    expect(sub.truncated).toBe(false);
    const nodeIds = new Set(sub.nodes.map((n: any) => n.id));
    expect(nodeIds).toContain('org:imec');
    expect(nodeIds).toContain('company:ibm');
    for (const edge of sub.edges) {
      expect(nodeIds.has(edge.source) && nodeIds.has(edge.target)).toBe(true);
      expect(edge.sources.length).toBeGreaterThan(0);
    }
    // Every neighbour is joined to the centre by at least one returned edge.
    for (const id of nodeIds) {
      if (id === 'company:rapidus') continue;
      expect(
        sub.edges.some(
          (e: any) =>
            (e.source === id && e.target === 'company:rapidus') || (e.target === id && e.source === 'company:rapidus'),
        ),
      ).toBe(true);
    }
    expect(new Set(sub.edges.map((e: any) => e.id)).size).toBe(sub.edges.length);
  });

  it('enforces the node limit and reports truncation', async () => {
    const full = await api.graphql(NEIGHBORHOOD, { id: 'country:japan', depth: 2, limit: 500 });
    expect(full.data?.neighborhood.truncated).toBe(false);
    const total = full.data?.neighborhood.nodes.length;
    expect(total).toBeGreaterThan(60);

    const cut = await api.graphql(NEIGHBORHOOD, { id: 'country:japan', depth: 2, limit: 25 });
    expect(cut.data?.neighborhood.nodes).toHaveLength(25);
    expect(cut.data?.neighborhood.truncated).toBe(true);

    const exact = await api.graphql(NEIGHBORHOOD, { id: 'country:japan', depth: 2, limit: total });
    expect(exact.data?.neighborhood.truncated).toBe(false);
  });

  it('returns every relationship among its nodes, however many more edges than nodes that is', async () => {
    const limit = 30;
    const { data } = await api.graphql(NEIGHBORHOOD, { id: 'country:japan', depth: 2, limit });
    const sub = data?.neighborhood;
    expect(sub.nodes).toHaveLength(limit);
    const ids = sub.nodes.map((n: any) => n.id);
    const among = await api.db.runner.read<{ id: string }>(
      'test.among',
      'MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN r.id AS id',
      { ids },
    );
    // The node limit bounds the nodes, not the edges among them.
    expect(among.length).toBeGreaterThan(limit);
    expect(sub.edges.map((e: any) => e.id).sort()).toEqual(among.map((r) => r.id).sort());
  });

  it('grows with depth and follows only the given types', async () => {
    const one = await api.graphql(NEIGHBORHOOD, { id: 'material:neon', depth: 1 });
    const two = await api.graphql(NEIGHBORHOOD, { id: 'material:neon', depth: 2 });
    expect(two.data?.neighborhood.nodes.length).toBeGreaterThan(one.data?.neighborhood.nodes.length);

    const typed = await api.graphql(NEIGHBORHOOD, {
      id: 'material:neon',
      depth: 1,
      types: ['APPROVED_SUPPLY_PLAN_FOR'],
    });
    expect(typed.data?.neighborhood.edges.length).toBeGreaterThan(0);
    expect(typed.data?.neighborhood.edges.every((e: any) => e.type === 'APPROVED_SUPPLY_PLAN_FOR')).toBe(true);
    expect(typed.data?.neighborhood.nodes.map((n: any) => n.id)).toEqual(
      expect.arrayContaining([
        'company:kioxia',
        'company:kioxia-iwate',
        'company:sony-semiconductor-manufacturing',
        'material:neon',
      ]),
    );
    expect(typed.data?.neighborhood.edges.length).toBe(typed.data?.neighborhood.nodes.length - 1);
  });

  it('shows the graph as it stood: JUCIP without its 2023 areas in 2022', async () => {
    const before = await api.graphql(NEIGHBORHOOD, { id: 'framework:jucip', types: ['COVERS'], asOf: '2022-12' });
    const after = await api.graphql(NEIGHBORHOOD, { id: 'framework:jucip', types: ['COVERS'], asOf: '2023-12' });
    const beforeIds = before.data?.neighborhood.nodes.map((n: any) => n.id);
    expect(beforeIds).not.toContain('topic:quantum');
    expect(after.data?.neighborhood.nodes.map((n: any) => n.id)).toContain('topic:quantum');
  });

  it('answers the same whether its nodes and edges select only their core or every field', async () => {
    const CORE = `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 60) {
      nodes { id name kind __typename } edges { id type source target } } }`;
    const FULL = `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 60) {
      nodes { id name kind __typename description sources { quote } } all: nodes { id }
      edges { id type source target note properties sources { quote } } } }`;
    const core = await api.graphql(CORE, { id: 'country:japan' });
    const full = await api.graphql(FULL, { id: 'country:japan' });
    expect(core.errors).toBeUndefined();
    expect(full.errors).toBeUndefined();
    const pick = (objects: any[], keys: string[]) => objects.map((o) => Object.fromEntries(keys.map((k) => [k, o[k]])));
    expect(core.data?.neighborhood.nodes).toEqual(
      pick(full.data?.neighborhood.nodes, ['id', 'name', 'kind', '__typename']),
    );
    expect(core.data?.neighborhood.edges).toEqual(
      pick(full.data?.neighborhood.edges, ['id', 'type', 'source', 'target']),
    );
    // The full selection really read every property: descriptions and citations of nodes and edges are there.
    expect(full.data?.neighborhood.nodes.filter((n: any) => n.description).length).toBeGreaterThan(10);
    expect(full.data?.neighborhood.nodes.every((n: any) => n.sources.length > 0)).toBe(true);
    expect(full.data?.neighborhood.edges.every((e: any) => e.sources.length > 0)).toBe(true);
  });

  it('gives null for an unknown centre', async () => {
    const { data, errors } = await api.graphql(NEIGHBORHOOD, { id: 'company:none' });
    expect(errors).toBeUndefined();
    expect(data?.neighborhood).toBeNull();
  });
});

describe('Query.shortestPath', () => {
  const PATH = `query($from: ID!, $to: ID!, $maxHops: Int, $types: [RelationshipType!]) {
    shortestPath(from: $from, to: $to, maxHops: $maxHops, types: $types) {
      length nodes { id } edges { source target type sources { quote } }
    }
  }`;

  it('finds a path whose edges join consecutive nodes', async () => {
    const { data, errors } = await api.graphql(PATH, { from: 'company:kioxia-iwate', to: 'country:taiwan' });
    expect(errors).toBeUndefined();
    const path = data?.shortestPath;
    expect(path.length).toBeGreaterThan(1);
    expect(path.nodes).toHaveLength(path.length + 1);
    expect(path.edges).toHaveLength(path.length);
    expect(path.nodes[0].id).toBe('company:kioxia-iwate');
    expect(path.nodes.at(-1).id).toBe('country:taiwan');
    path.edges.forEach((edge: any, i: number) => {
      const ends = [edge.source, edge.target].sort();
      expect(ends).toEqual([path.nodes[i].id, path.nodes[i + 1].id].sort());
    });
  });

  it('returns null when no path exists within the types and hops allowed', async () => {
    const typed = await api.graphql(PATH, {
      from: 'company:kioxia',
      to: 'country:taiwan',
      types: ['APPROVED_SUPPLY_PLAN_FOR'],
    });
    expect(typed.errors).toBeUndefined();
    expect(typed.data?.shortestPath).toBeNull();
    const short = await api.graphql(PATH, { from: 'company:aisan-industry', to: 'country:zambia', maxHops: 1 });
    expect(short.errors).toBeUndefined();
    expect(short.data?.shortestPath).toBeNull();
    const enough = await api.graphql(PATH, { from: 'company:aisan-industry', to: 'country:zambia', maxHops: 10 });
    expect(enough.data?.shortestPath.length).toBeGreaterThan(1);
  });

  it('a path from an entity to itself has length 0; an unknown end gives null', async () => {
    const self = await api.graphql(PATH, { from: 'company:tsmc', to: 'company:tsmc' });
    expect(self.data?.shortestPath).toEqual({ length: 0, nodes: [{ id: 'company:tsmc' }], edges: [] });
    const unknown = await api.graphql(PATH, { from: 'company:tsmc', to: 'company:none' });
    expect(unknown.data?.shortestPath).toBeNull();
  });
});

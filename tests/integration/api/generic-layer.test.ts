/**
 * The generic layer every client can rely on: node/entity by id, entities with pagination, an entity's
 * relationships as a connection, citations and documents, and graph statistics. Over HTTP, seeded real Neo4j.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';

/** Names are listed case-insensitively, by code point (as Neo4j compares strings). */
const byName = (a: string, b: string) =>
  a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
});
afterAll(() => api.close());

describe('Query.entity and Query.node', () => {
  it('returns an entity with its generic fields, properties and citations', async () => {
    const { data, errors } = await api.graphql(`{
      entity(id: "budget:lstc-2022-supplementary") {
        id kind name aliases description
        properties
        sources { section quote table row document { id title author } }
        document { id publisher }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data?.entity).toMatchObject({ id: 'budget:lstc-2022-supplementary', kind: 'Budget' });
    expect(data?.entity.properties).toMatchObject({ amount: 350_000_000_000, currency: 'JPY', fiscalYear: 2022 });
    expect(data?.entity.properties).not.toHaveProperty('sourcesJson');
    expect(data?.entity.sources[0]).toMatchObject({
      section: '1) US-Japan Semiconductor Cooperation',
      quote: expect.stringContaining('350 billion yen for the LSTC in the 2022 supplementary budget'),
      document: { id: 'japan-supply-chain-policy', author: 'Gyu-Pan KIM' },
    });
    expect(data?.entity.document.publisher).toMatch(/KIEP/);
  });

  it('node finds entities and documents by id, with their concrete type', async () => {
    const { data } = await api.graphql(`{
      a: node(id: "company:tsmc") { __typename id ... on Company { name } }
      b: node(id: "japan-supply-chain-policy") { __typename id ... on Document { title } }
    }`);
    expect(data?.a).toEqual({ __typename: 'Company', id: 'company:tsmc', name: 'TSMC' });
    expect(data?.b).toMatchObject({
      __typename: 'Document',
      title: "Japan's Supply Chain Policy and its Implications for South Korea",
    });
  });

  it('an unknown id gives null, not an error', async () => {
    const { data, errors } = await api.graphql('{ entity(id: "company:nope") { id } node(id: "nope") { id } }');
    expect(errors).toBeUndefined();
    expect(data).toEqual({ entity: null, node: null });
  });
});

describe('Query.entities: pagination', () => {
  const PAGE = `query($first: Int, $after: String, $kind: EntityKind) {
    entities(kind: $kind, first: $first, after: $after) {
      totalCount
      edges { cursor node { id name } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

  it('walks every company page by page, first page to last, in name order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    let total = 0;
    for (;;) {
      const { data, errors }: any = await api.graphql(PAGE, { kind: 'Company', first: 10, after });
      expect(errors).toBeUndefined();
      const page = data.entities;
      total = page.totalCount;
      expect(page.pageInfo.hasPreviousPage).toBe(pages > 0);
      seen.push(...page.edges.map((e: any) => e.node.name));
      pages += 1;
      if (!page.pageInfo.hasNextPage) {
        expect(page.edges.length).toBe(total - (pages - 1) * 10);
        break;
      }
      expect(page.edges).toHaveLength(10);
      after = page.pageInfo.endCursor;
    }
    const stats: any = await api.graphql('{ graphStats { kinds { kind count } } }');
    expect(total).toBe(stats.data.graphStats.kinds.find((k: any) => k.kind === 'Company').count);
    expect(total).toBeGreaterThan(20);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort(byName));
    expect(pages).toBe(Math.ceil(total / 10));
  });

  it('past the end gives an empty page that says so', async () => {
    const last = await api.graphql(PAGE, { kind: 'Country', first: 100 });
    const end = last.data?.entities.pageInfo.endCursor;
    const { data } = await api.graphql(PAGE, { kind: 'Country', first: 5, after: end });
    expect(last.data?.entities.totalCount).toBeGreaterThan(0);
    expect(data?.entities).toMatchObject({
      totalCount: last.data?.entities.totalCount,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });

  it('filters by name or alias and orders on request', async () => {
    const { data } = await api.graphql(`{
      byAlias: entities(filter: { nameContains: "msp" }, first: 5) { edges { node { id } } }
      desc: entities(kind: Bloc, orderBy: NAME_DESC) { edges { node { name } } }
    }`);
    expect(data?.byAlias.edges.map((e: any) => e.node.id)).toContain('framework:msp');
    const names = data?.desc.edges.map((e: any) => e.node.name);
    expect(names).toEqual([...names].sort(byName).reverse());
  });
});

describe('Entity.relationships', () => {
  it('carries type, direction, the other end, properties and citations, filtered by direction and type', async () => {
    const { data, errors } = await api.graphql(`{
      entity(id: "facility:tsmc-kumamoto-plant") {
        all: relationships(first: 100) { totalCount edges { type direction node { id } } }
        subsidies: relationships(direction: IN, types: [SUBSIDIZES]) {
          totalCount
          edges { type direction node { id kind } relationship { id source target properties sources { quote } } }
        }
      }
    }`);
    expect(errors).toBeUndefined();
    const all = data?.entity.all;
    expect(all.totalCount).toBe(all.edges.length);
    expect(all.edges).toContainEqual({ type: 'OPERATES', direction: 'IN', node: { id: 'company:tsmc' } });
    expect(all.edges).toContainEqual({
      type: 'LOCATED_IN',
      direction: 'OUT',
      node: { id: 'location:kumamoto-prefecture' },
    });
    const subsidy = data?.entity.subsidies.edges.find((e: any) => e.node.id === 'org:meti');
    expect(subsidy).toMatchObject({
      type: 'SUBSIDIZES',
      direction: 'IN',
      relationship: {
        source: 'org:meti',
        target: 'facility:tsmc-kumamoto-plant',
        properties: { maxAmount: 476_000_000_000, currency: 'JPY', date: '2022-06' },
      },
    });
    expect(subsidy.relationship.sources[0].quote).toContain('up to 476 billion yen');
  });

  it('pages through relationships with cursors', async () => {
    const first = await api.graphql(
      '{ entity(id: "country:japan") { relationships(first: 5) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }',
    );
    const page1 = first.data?.entity.relationships;
    expect(page1.totalCount).toBeGreaterThan(5);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await api.graphql(
      `query($after: String) { entity(id: "country:japan") { relationships(first: 5, after: $after) { edges { node { id } } pageInfo { hasPreviousPage } } } }`,
      { after: page1.pageInfo.endCursor },
    );
    expect(second.data?.entity.relationships.pageInfo.hasPreviousPage).toBe(true);
    expect(second.data?.entity.relationships.edges).toHaveLength(5);
    const all = await api.graphql(
      '{ entity(id: "country:japan") { relationships(first: 10) { edges { relationship { id } } } } }',
    );
    const firstTen = all.data?.entity.relationships.edges.map((e: any) => e.relationship.id);
    const [pageOne, pageTwo] = await Promise.all(
      [undefined, page1.pageInfo.endCursor].map(async (after) =>
        (
          await api.graphql(
            'query($after: String) { entity(id: "country:japan") { relationships(first: 5, after: $after) { edges { relationship { id } } } } }',
            { after },
          )
        ).data?.entity.relationships.edges.map((e: any) => e.relationship.id),
      ),
    );
    expect([...pageOne, ...pageTwo]).toEqual(firstTen);
    expect(new Set(firstTen).size).toBe(10);
  });

  it('asOf keeps only what held then: export controls on Russia from 2022-02, on China from 2023-07', async () => {
    const { data } = await api.graphql(`{
      entity(id: "policy:japan-export-controls") {
        mid2022: relationships(types: [TARGETS], direction: OUT, asOf: "2022-06") { edges { node { id } relationship { properties } } }
        late2023: relationships(types: [TARGETS], direction: OUT, asOf: "2023-12") { edges { node { id } } }
      }
    }`);
    expect(data?.entity.mid2022.edges.map((e: any) => e.node.id)).toEqual(['country:russia']);
    expect(data?.entity.mid2022.edges[0].relationship.properties.since).toBe('2022-02');
    expect(data?.entity.late2023.edges.map((e: any) => e.node.id)).toEqual(['country:china', 'country:russia']);
  });
});

describe('Query.graphStats and Query.documents', () => {
  it('counts entities by kind and relationships by type, consistently', async () => {
    const { data } = await api.graphql(
      '{ graphStats { entityCount relationshipCount kinds { kind count } relationshipTypes { type count } } documents { id title } }',
    );
    const stats = data?.graphStats;
    expect(stats.entityCount).toBe(stats.kinds.reduce((s: number, k: any) => s + k.count, 0));
    expect(stats.relationshipCount).toBe(stats.relationshipTypes.reduce((s: number, k: any) => s + k.count, 0));
    expect(stats.entityCount).toBeGreaterThan(0);
    // Each kind's count is what entities(kind) pages through.
    const companies: any = await api.graphql('{ entities(kind: Company, first: 1) { totalCount } }');
    expect(stats.kinds).toContainEqual({ kind: 'Company', count: companies.data.entities.totalCount });
    const approvals: any = await api.graphql(
      '{ crossReference(filter: { linkTypes: [APPROVED_SUPPLY_PLAN_FOR] }, first: 1) { totalCount } }',
    );
    expect(stats.relationshipTypes).toContainEqual({
      type: 'APPROVED_SUPPLY_PLAN_FOR',
      count: approvals.data.crossReference.totalCount,
    });
    expect(data?.documents).toContainEqual({
      id: 'japan-supply-chain-policy',
      title: "Japan's Supply Chain Policy and its Implications for South Korea",
    });
  });
});

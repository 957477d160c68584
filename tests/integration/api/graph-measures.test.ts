/**
 * Query.centrality, articulationPoints, communities, paths and changes over the seeded graph. The expected values
 * are derived at test time from the data files the server loaded (the paper, and the second document when it is
 * imported), never copied from an answer.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listDataFiles } from '../../../src/seed/load-graph.ts';
import { startApiServer, withSecondDocument, type ApiServer } from '../../helpers/api-server.ts';

const SECOND_DOCUMENT = fileURLToPath(new URL('../../fixtures/second-document/survey.yaml', import.meta.url));

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
});
afterAll(() => api.close());

interface Link {
  type: string;
  from: string;
  to: string;
  key?: string;
  properties?: Record<string, unknown>;
}

/** Every relationship the server loaded from data files. */
function loadedRelationships(): Link[] {
  const files = [...listDataFiles(), ...(withSecondDocument() ? [SECOND_DOCUMENT] : [])];
  return files.flatMap((file) => (parse(readFileSync(file, 'utf8')) as { relationships?: Link[] }).relationships ?? []);
}

/** The default projection: the supply network. An entity's kind is its id's prefix. */
const SUPPLY_KINDS = ['company:', 'country:', 'material:'];
const SUPPLY_TYPES = ['APPROVED_SUPPLY_PLAN_FOR', 'PRODUCES', 'DEVELOPS', 'BASED_IN', 'PART_OF'];
const inSupplyNetwork = (id: string) => SUPPLY_KINDS.some((prefix) => id.startsWith(prefix));

function supplyNetwork(): Link[] {
  return loadedRelationships().filter(
    (r) => SUPPLY_TYPES.includes(r.type) && inSupplyNetwork(r.from) && inSupplyNetwork(r.to),
  );
}

/** Undirected neighbours of each entity. */
function adjacency(links: Link[]): Map<string, Set<string>> {
  const neighbours = new Map<string, Set<string>>();
  for (const { from, to } of links) {
    neighbours.set(from, (neighbours.get(from) ?? new Set()).add(to));
    neighbours.set(to, (neighbours.get(to) ?? new Set()).add(from));
  }
  return neighbours;
}

/** Sizes of the connected parts reachable from `starts`, never entering `without`. */
function partSizes(neighbours: Map<string, Set<string>>, starts: Iterable<string>, without?: string): number[] {
  const seen = new Set<string>(without ? [without] : []);
  const sizes: number[] = [];
  for (const start of starts) {
    if (seen.has(start)) continue;
    seen.add(start);
    let size = 0;
    const stack = [start];
    while (stack.length > 0) {
      const node = stack.pop()!;
      size += 1;
      for (const next of neighbours.get(node) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    sizes.push(size);
  }
  return sizes.sort((a, b) => b - a);
}

async function ok(query: string, variables: Record<string, unknown> = {}) {
  const { data, errors } = await api.graphql(query, variables);
  expect(errors).toBeUndefined();
  return data as Record<string, any>;
}

async function badInput(query: string, variables: Record<string, unknown>, argument: string) {
  const { data, errors } = await api.graphql(query, variables);
  expect(data).toBeNull();
  expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
}

const CENTRALITY = `query($measure: CentralityMeasure!) {
  centrality(measure: $measure, first: 100) { entity { id kind } score rank }
}`;

function expectRankedHighestFirst(scores: Array<{ entity: { id: string }; score: number; rank: number }>) {
  expect(scores.length).toBeGreaterThan(0);
  scores.forEach((s, i) => expect(s.rank).toBe(i + 1));
  for (let i = 1; i < scores.length; i += 1) {
    const [prev, cur] = [scores[i - 1]!, scores[i]!];
    expect(prev.score).toBeGreaterThanOrEqual(cur.score);
    if (prev.score === cur.score) expect(prev.entity.id < cur.entity.id).toBe(true);
  }
}

describe('Query.centrality over the supply network', () => {
  it('DEGREE is each entity’s count of supply-network relationships, parallel ones each counting', async () => {
    const degree = new Map<string, number>();
    for (const { from, to } of supplyNetwork()) {
      degree.set(from, (degree.get(from) ?? 0) + 1);
      degree.set(to, (degree.get(to) ?? 0) + 1);
    }
    const { centrality } = await ok(CENTRALITY, { measure: 'DEGREE' });
    expectRankedHighestFirst(centrality);
    expect(centrality[0].score).toBe(Math.max(...degree.values()));
    for (const { entity, score } of centrality) {
      expect(['Company', 'Country', 'Material']).toContain(entity.kind);
      expect({ id: entity.id, score }).toEqual({ id: entity.id, score: degree.get(entity.id) });
    }
  });

  it('BETWEENNESS is normalised to [0, 1], highest first', async () => {
    const { centrality } = await ok(CENTRALITY, { measure: 'BETWEENNESS' });
    expectRankedHighestFirst(centrality);
    for (const { score } of centrality) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('PAGERANK scores are positive, highest first, and sum to at most 1', async () => {
    const { centrality } = await ok(CENTRALITY, { measure: 'PAGERANK' });
    expectRankedHighestFirst(centrality);
    expect(centrality.every((s: any) => s.score > 0)).toBe(true);
    expect(centrality.reduce((sum: number, s: any) => sum + s.score, 0)).toBeLessThanOrEqual(1 + 1e-9);
  });
});

describe('Query.articulationPoints over the supply network', () => {
  it('each point splits its connected part into the parts it names: their sizes sum to the part minus itself', async () => {
    const neighbours = adjacency(supplyNetwork());
    const { articulationPoints } = await ok('{ articulationPoints(first: 100) { entity { id } componentSizes } }');
    expect(articulationPoints.length).toBeGreaterThan(0);
    // Order (src/analytics/articulation-points.ts): most entities cut off from the largest remaining part first,
    // then more parts, then id.
    const order = (p: { entity: { id: string }; componentSizes: number[] }) => {
      const cutOff = p.componentSizes.slice(1).reduce((a, b) => a + b, 0);
      return [-cutOff, -p.componentSizes.length, p.entity.id] as const;
    };
    for (let i = 1; i < articulationPoints.length; i += 1) {
      const [prev, cur] = [order(articulationPoints[i - 1]), order(articulationPoints[i])];
      expect(
        prev[0] < cur[0] || (prev[0] === cur[0] && (prev[1] < cur[1] || (prev[1] === cur[1] && prev[2] < cur[2]))),
      ).toBe(true);
    }
    for (const { entity, componentSizes } of articulationPoints) {
      const [whole] = partSizes(neighbours, [entity.id]);
      const parts = partSizes(neighbours, neighbours.get(entity.id) ?? [], entity.id);
      expect(componentSizes.length).toBeGreaterThanOrEqual(2);
      expect({ id: entity.id, componentSizes }).toEqual({ id: entity.id, componentSizes: parts });
      expect(componentSizes.reduce((a: number, b: number) => a + b, 0)).toBe(whole! - 1);
    }
  });
});

describe('Query.communities over the supply network', () => {
  const COMMUNITIES = `query($seed: Int!) { communities(seed: $seed, first: 20) { id size } }`;
  const MEMBERS = `query($seed: Int!, $after: String) {
    communities(seed: $seed, first: 20) {
      id size members(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id kind } } }
    }
  }`;

  it('are the same for the same seed, largest first, and their member pages cover each size once', async () => {
    const once = await ok(COMMUNITIES, { seed: 7 });
    const again = await ok(COMMUNITIES, { seed: 7 });
    expect(again).toEqual(once);
    const communities = once.communities as Array<{ id: number; size: number }>;
    expect(communities.length).toBeGreaterThan(0);
    communities.forEach((c, i) => expect(c.id).toBe(i));
    for (let i = 1; i < communities.length; i += 1) {
      expect(communities[i - 1]!.size).toBeGreaterThanOrEqual(communities[i]!.size);
    }

    // Each community's members, page by page (the cursor is per community: page one community at a time).
    const members = new Map<number, string[]>();
    for (const community of communities) {
      const ids: string[] = [];
      let after: string | null = null;
      do {
        const page = (await ok(MEMBERS, { seed: 7, after })).communities as any[];
        const mine = page.find((c) => c.id === community.id).members;
        ids.push(...mine.edges.map((e: any) => e.node.id));
        after = mine.pageInfo.hasNextPage ? mine.pageInfo.endCursor : null;
      } while (after);
      expect({ id: community.id, members: ids.length }).toEqual({ id: community.id, members: community.size });
      expect(ids.every(inSupplyNetwork)).toBe(true);
      members.set(community.id, ids);
    }
    const everyone = [...members.values()].flat();
    expect(new Set(everyone).size).toBe(everyone.length);
  });
});

describe('Query.paths: exposure paths', () => {
  const PATHS = `query($from: ID!, $to: ID!, $k: Int!) {
    paths(from: $from, to: $to, k: $k) {
      length nodes { id } edges { id source target sources { quote } }
    }
  }`;

  it('from Kioxia to Japan: the k shortest simple paths, shortest first, each hop a cited relationship', async () => {
    const { paths } = await ok(PATHS, { from: 'company:kioxia', to: 'country:japan', k: 3 });
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.length).toBeLessThanOrEqual(3);

    // The shortest path's length is the breadth-first distance over the whole graph, ignoring direction.
    const neighbours = adjacency(loadedRelationships());
    const distance = new Map([['company:kioxia', 0]]);
    for (let level = ['company:kioxia']; level.length > 0;) {
      const next: string[] = [];
      for (const node of level) {
        for (const n of neighbours.get(node) ?? []) {
          if (distance.has(n)) continue;
          distance.set(n, distance.get(node)! + 1);
          next.push(n);
        }
      }
      level = next;
    }
    expect(paths[0].length).toBe(distance.get('country:japan'));

    const seen = new Set<string>();
    for (let i = 0; i < paths.length; i += 1) {
      const { length, nodes, edges } = paths[i];
      if (i > 0) expect(length).toBeGreaterThanOrEqual(paths[i - 1].length);
      expect(edges).toHaveLength(length);
      expect(nodes).toHaveLength(length + 1);
      expect(nodes[0].id).toBe('company:kioxia');
      expect(nodes[length].id).toBe('country:japan');
      expect(new Set(nodes.map((n: any) => n.id)).size).toBe(nodes.length);
      edges.forEach((edge: any, j: number) => {
        expect([edge.source, edge.target].sort()).toEqual([nodes[j].id, nodes[j + 1].id].sort());
        expect(edge.sources.length).toBeGreaterThan(0);
      });
      const key = edges.map((e: any) => e.id).join(' ');
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });

  it.each([
    ['k above 10', { from: 'company:kioxia', to: 'country:japan', k: 11 }, 'k'],
    ['an unknown from', { from: 'company:no-such-company', to: 'country:japan', k: 3 }, 'from'],
  ])('refuses %s: BAD_USER_INPUT naming it', (_what, variables, argument) => badInput(PATHS, variables, argument));
});

describe('Query.changes: what started or ended in a period', () => {
  const CHANGES = `query($from: PartialDate!, $to: PartialDate!, $after: String) {
    changes(from: $from, to: $to, first: 100, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { change date relationship { id sources { quote } } } }
    }
  }`;

  it('in 2022: every change dated within 2022, in date order, including the export controls reaching Russia', async () => {
    const russia = loadedRelationships().find(
      (r) => r.type === 'TARGETS' && r.from === 'policy:japan-export-controls' && r.to === 'country:russia',
    );
    expect(String(russia?.properties?.since)).toBe('2022-02');

    const rows: any[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const { changes } = await ok(CHANGES, { from: '2022-01', to: '2022-12', after });
      rows.push(...changes.edges.map((e: any) => e.node));
      total = changes.totalCount;
      after = changes.pageInfo.hasNextPage ? changes.pageInfo.endCursor : null;
    } while (after);
    expect(rows).toHaveLength(total);

    expect(rows).toContainEqual(
      expect.objectContaining({
        change: 'STARTED',
        date: '2022-02',
        relationship: expect.objectContaining({ id: 'TARGETS:policy:japan-export-controls->country:russia' }),
      }),
    );
    for (const row of rows) {
      expect(row.date).toMatch(/^2022(-|$)/);
      expect(row.relationship.sources.length).toBeGreaterThan(0);
    }
    const dates = rows.map((r) => r.date as string);
    expect(dates).toEqual([...dates].sort());
  });

  it('refuses a period whose from is after its to: BAD_USER_INPUT naming from', () =>
    badInput(CHANGES, { from: '2023-01', to: '2022-12' }, 'from'));
});

describe('Graph measures: the bounded cache', () => {
  /** One analytics_cache_* gauge of the server's /metrics for `measure`. */
  async function cacheGauge(name: string, measure: string): Promise<number> {
    const text = await (await fetch(api.url.replace(/\/graphql$/, '/metrics'))).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name}{measure="${measure}"}`));
    return Number(line?.split(' ').at(-1));
  }

  it('answers a repeated question from the cache, and /metrics counts the hit', async () => {
    const query = '{ articulationPoints(first: 3, projection: { kinds: [Company, Material] }) { entity { id } } }';
    const first = await api.graphql(query);
    const hitsBefore = await cacheGauge('analytics_cache_hits', 'articulationPoints');
    const again = await api.graphql(query);
    expect(again).toEqual(first);
    expect(await cacheGauge('analytics_cache_hits', 'articulationPoints')).toBe(hitsBefore + 1);
    expect(await cacheGauge('analytics_cache_entries', 'articulationPoints')).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { kShortestPaths } from '../../../src/analytics/k-shortest-paths.ts';
import type { Path } from '../../../src/analytics/k-shortest-paths.ts';
import { toGraph } from '../../../src/analytics/projection.ts';
import type { ProjectionGraph, ProjectionRelationship } from '../../../src/analytics/projection.ts';
import { BadUserInputError } from '../../../src/errors.ts';
import { linkGraph, pathLinks } from './link-graph.ts';

/**
 * s and t linked through a (by two parallel relationships r1, r2 from s) and through b (q1, q2); with `cross`,
 * also a-b (r6). r3 is stated t -> a: the paths ignore direction. The b route has the smaller relationship ids
 * (q < r), so only ordering by entity ids first puts the a route before it.
 */
function diamond(cross: boolean): ProjectionGraph {
  const relationships: ProjectionRelationship[] = [
    { id: 'r1', type: 'SUPPLIES', source: 's', target: 'a' },
    { id: 'r2', type: 'OWNS', source: 's', target: 'a' },
    { id: 'r3', type: 'SUPPLIES', source: 't', target: 'a' },
    { id: 'q1', type: 'SUPPLIES', source: 's', target: 'b' },
    { id: 'q2', type: 'SUPPLIES', source: 'b', target: 't' },
  ];
  if (cross) relationships.push({ id: 'r6', type: 'SUPPLIES', source: 'a', target: 'b' });
  return toGraph({ nodes: ['s', 'a', 'b', 't'].map((id) => ({ id, kind: 'Company' })), relationships });
}

const path = (nodes: string, relationships: string): Path => ({
  nodes: nodes.split(' '),
  relationships: relationships.split(' '),
});

describe('kShortestPaths', () => {
  it('counts parallel relationships as distinct paths, ordered by entities and then relationships', () => {
    // Loopless s-t paths: s-a-t over r1 or r2 then r3, s-b-t over q1, q2; nothing longer (a and b are not linked).
    // All 2 hops; [s a t] < [s b t]; of the two [s a t], [r1 r3] < [r2 r3].
    expect(kShortestPaths(diamond(false), 's', 't', { k: 10, maxHops: 6 })).toEqual([
      path('s a t', 'r1 r3'),
      path('s a t', 'r2 r3'),
      path('s b t', 'q1 q2'),
    ]);
  });

  it('finds the longer paths after the shorter ones, up to k', () => {
    // With a-b (r6), 3-hop paths too: s-a-b-t over r1 or r2, r6, q2; s-b-a-t over q1, r6, r3. Four nodes: none
    // longer. Six in all: the three of 2 hops above, then [s a b t] x 2 (r1 before r2), then [s b a t].
    const all = [
      path('s a t', 'r1 r3'),
      path('s a t', 'r2 r3'),
      path('s b t', 'q1 q2'),
      path('s a b t', 'r1 r6 q2'),
      path('s a b t', 'r2 r6 q2'),
      path('s b a t', 'q1 r6 r3'),
    ];
    expect(kShortestPaths(diamond(true), 's', 't', { k: 10, maxHops: 6 })).toEqual(all);
    expect(kShortestPaths(diamond(true), 's', 't', { k: 4, maxHops: 6 })).toEqual(all.slice(0, 4));
    expect(kShortestPaths(diamond(true), 's', 't', { k: 10, maxHops: 2 })).toEqual(all.slice(0, 3));
  });

  it('walks only the allowed relationship types', () => {
    // Without r2 (OWNS): s-a-t over r1, s-b-t, s-a-b-t over r1, s-b-a-t.
    expect(
      kShortestPaths(diamond(true), 's', 't', { k: 10, maxHops: 6, relationshipTypes: new Set(['SUPPLIES']) }),
    ).toEqual([
      path('s a t', 'r1 r3'),
      path('s b t', 'q1 q2'),
      path('s a b t', 'r1 r6 q2'),
      path('s b a t', 'q1 r6 r3'),
    ]);
    expect(kShortestPaths(diamond(true), 's', 't', { k: 10, maxHops: 6, relationshipTypes: new Set() })).toEqual([]);
  });

  it('never comes back to an entity already on the path', () => {
    // Triangle s-a-b and b-t: s-b-t (2 hops) and s-a-b-t (3). A walk like s-b-a-s-... would revisit s.
    expect(kShortestPaths(linkGraph(['s-a', 'a-b', 's-b', 'b-t']), 's', 't', { k: 10, maxHops: 6 })).toEqual([
      path('s b t', 's-b b-t'),
      path('s a b t', 's-a a-b b-t'),
    ]);
  });

  it('stops at maxHops, and answers the trivial and impossible cases', () => {
    // A chain of 7 hops is out of reach of maxHops 6; one of 6 hops is the one path.
    const chain = linkGraph(pathLinks(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']), ['alone']);
    expect(kShortestPaths(chain, 'p0', 'p7', { k: 10, maxHops: 6 })).toEqual([]);
    expect(kShortestPaths(chain, 'p0', 'p6', { k: 10, maxHops: 6 })).toHaveLength(1);
    expect(kShortestPaths(chain, 'p0', 'alone', { k: 10, maxHops: 6 })).toEqual([]);
    expect(kShortestPaths(chain, 'p0', 'unknown', { k: 10, maxHops: 6 })).toEqual([]);
    expect(kShortestPaths(chain, 'p3', 'p3', { k: 10, maxHops: 6 })).toEqual([{ nodes: ['p3'], relationships: [] }]);
  });

  it.each([
    ['k', { k: 0, maxHops: 3 }, "'k' must be between 1 and 10, got 0"],
    ['k', { k: 11, maxHops: 3 }, "'k' must be between 1 and 10, got 11"],
    ['k', { k: 2.5, maxHops: 3 }, "'k' must be between 1 and 10, got 2.5"],
    ['maxHops', { k: 3, maxHops: 0 }, "'maxHops' must be between 1 and 6, got 0"],
    ['maxHops', { k: 3, maxHops: 7 }, "'maxHops' must be between 1 and 6, got 7"],
  ])('refuses a %s out of range: %j', (_argument, options, message) => {
    expect(() => kShortestPaths(diamond(false), 's', 't', options)).toThrow(BadUserInputError);
    expect(() => kShortestPaths(diamond(false), 's', 't', options)).toThrow(message);
  });

  it('agrees with listing every loopless path on random multigraphs', () => {
    // The oracle: every loopless path of at most maxHops hops by depth-first search, sorted by (hops, entity ids,
    // relationship ids), first k. Yen's algorithm must give exactly these, ties included.
    const random = mulberry32(20240611);
    let truncated = 0;
    for (let round = 0; round < 200; round += 1) {
      const nodeCount = 4 + Math.floor(random() * 5);
      const ids = Array.from({ length: nodeCount }, (_, i) => `v${i}`);
      const relationships: ProjectionRelationship[] = [];
      const linkCount = nodeCount + Math.floor(random() * nodeCount * 2);
      for (let i = 0; i < linkCount; i += 1) {
        const source = ids[Math.floor(random() * nodeCount)] as string;
        const target = ids[Math.floor(random() * nodeCount)] as string;
        const type = random() < 0.7 ? 'SUPPLIES' : 'OWNS';
        relationships.push({ id: `e${String(i).padStart(2, '0')}`, type, source, target });
      }
      const graph = toGraph({ nodes: ids.map((id) => ({ id, kind: 'Company' })), relationships });
      const k = 1 + Math.floor(random() * 10);
      const maxHops = 1 + Math.floor(random() * 6);
      const types = random() < 0.5 ? new Set(['SUPPLIES']) : null;
      const every = allLooplessPaths(graph, 'v0', 'v1', maxHops, types).sort(byOrder);
      const expected = every.slice(0, k);
      if (every.length > k) truncated += 1;
      expect(kShortestPaths(graph, 'v0', 'v1', { k, maxHops, relationshipTypes: types }), `round ${round}`).toEqual(
        expected,
      );
    }
    // The cap matters in enough rounds for the test to mean something: more paths than k, so which come first counts.
    expect(truncated).toBeGreaterThan(20);
  });
});

function allLooplessPaths(
  graph: ProjectionGraph,
  from: string,
  to: string,
  maxHops: number,
  types: ReadonlySet<string> | null,
): Path[] {
  const found: Path[] = [];
  const extend = (nodes: string[], relationships: string[]): void => {
    const here = nodes[nodes.length - 1] as string;
    if (here === to) {
      found.push({ nodes: [...nodes], relationships: [...relationships] });
      return;
    }
    if (relationships.length === maxHops) return;
    for (const edge of graph.edges(here)) {
      const next = graph.opposite(here, edge);
      if (nodes.includes(next) || (types !== null && !types.has(graph.getEdgeAttribute(edge, 'type')))) continue;
      extend([...nodes, next], [...relationships, edge]);
    }
  };
  extend([from], []);
  return found;
}

function byOrder(a: Path, b: Path): number {
  return (
    a.relationships.length - b.relationships.length ||
    elementwise(a.nodes, b.nodes) ||
    elementwise(a.relationships, b.relationships)
  );
}

function elementwise(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const [x, y] = [a[i] as string, b[i] as string];
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** A small seeded generator, so the random graphs are the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

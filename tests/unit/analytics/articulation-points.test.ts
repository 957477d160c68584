import { describe, expect, it } from 'vitest';
import { articulationPoints } from '../../../src/analytics/articulation-points.ts';
import { cliqueLinks, linkGraph, pathLinks } from './link-graph.ts';

describe('articulationPoints', () => {
  it('finds the inner nodes of a path', () => {
    // a-b-c-d: removing b leaves {a} and {c, d}: [2, 1]; removing c leaves {a, b} and {d}: [2, 1].
    // a and d are ends: removing them leaves one part. Both cut off 1 node in 2 parts: by id, b then c.
    expect(articulationPoints(linkGraph(pathLinks(['a', 'b', 'c', 'd'])))).toEqual([
      { id: 'b', componentSizes: [2, 1] },
      { id: 'c', componentSizes: [2, 1] },
    ]);
  });

  it("finds a star's centre, whether or not the search starts there", () => {
    // The search starts at the smallest id: centre a is the root of its search tree; centre z is not.
    // Removing the centre leaves each leaf alone.
    expect(articulationPoints(linkGraph(['a-b', 'a-c', 'a-d', 'a-e']))).toEqual([
      { id: 'a', componentSizes: [1, 1, 1, 1] },
    ]);
    expect(articulationPoints(linkGraph(['z-a', 'z-b', 'z-c']))).toEqual([{ id: 'z', componentSizes: [1, 1, 1] }]);
  });

  it('finds both ends of a bridge between two triangles', () => {
    // Triangles a-b-c and d-e-f, bridge c-d. Removing c leaves {a, b} and {d, e, f}: [3, 2]; removing d leaves
    // {a, b, c} and {e, f}: [3, 2]. Removing any other node leaves its triangle's other two joined: one part.
    const graph = linkGraph([...cliqueLinks(['a', 'b', 'c']), ...cliqueLinks(['d', 'e', 'f']), 'c-d']);
    expect(articulationPoints(graph)).toEqual([
      { id: 'c', componentSizes: [3, 2] },
      { id: 'd', componentSizes: [3, 2] },
    ]);
  });

  it('finds none in a cycle, a clique, a single link or an isolated node', () => {
    const graph = linkGraph(
      [...pathLinks(['a', 'b', 'c', 'd', 'a']), ...cliqueLinks(['p', 'q', 'r', 's']), 'x-y'],
      ['z'],
    );
    expect(articulationPoints(graph)).toEqual([]);
  });

  it('orders by nodes cut off, then by number of parts, then by id', () => {
    // Four components in one projection:
    // - star h with leaves h1..h4: h -> [1, 1, 1, 1], cuts off 3 (all but the largest part);
    // - star k with leaves k1..k3: k -> [1, 1, 1], cuts off 2 in 3 parts;
    // - triangles t1-t2-t3 and u1-u2-u3, bridge t3-u1: t3 -> [3, 2] and u1 -> [3, 2], cut off 2 in 2 parts;
    // - path m1-m-m2: m -> [1, 1], cuts off 1.
    // So: h (3), k (2, 3 parts), t3 and u1 (2, 2 parts; by id), m (1).
    const graph = linkGraph([
      ...pathLinks(['m1', 'm', 'm2']),
      ...cliqueLinks(['t1', 't2', 't3']),
      ...cliqueLinks(['u1', 'u2', 'u3']),
      't3-u1',
      'k-k1',
      'k-k2',
      'k-k3',
      'h-h1',
      'h-h2',
      'h-h3',
      'h-h4',
    ]);
    expect(articulationPoints(graph)).toEqual([
      { id: 'h', componentSizes: [1, 1, 1, 1] },
      { id: 'k', componentSizes: [1, 1, 1] },
      { id: 't3', componentSizes: [3, 2] },
      { id: 'u1', componentSizes: [3, 2] },
      { id: 'm', componentSizes: [1, 1] },
    ]);
  });

  it('sees parallel relationships as one link and ignores self-loops', () => {
    // a=b twice, b-c, and c-c: the simple view is the path a-b-c, so b -> [1, 1]; a parallel edge is no second
    // route (it would hide b if counted as a back edge to the parent).
    expect(articulationPoints(linkGraph(['a-b', 'a-b', 'b-c', 'c-c']))).toEqual([{ id: 'b', componentSizes: [1, 1] }]);
  });

  it('handles a path of 100,000 nodes without recursion', () => {
    // n = 100,000 nodes n000000..n099999 in a path. A recursive search would be 100,000 frames deep (Node's
    // default stack holds about 10,000 of them).
    // Removing the node at position i (1 <= i <= n - 2) leaves parts of i and n - 1 - i nodes; it cuts off
    // min(i, n - 1 - i). The most: i = 49,999 (parts 49,999 and 50,000) and i = 50,000 (50,000 and 49,999),
    // by id n049999 first. The fewest: i = 1 and i = 99,998, both [99998, 1], by id n000001 then n099998.
    const n = 100_000;
    const ids = Array.from({ length: n }, (_, i) => `n${String(i).padStart(6, '0')}`);
    const points = articulationPoints(linkGraph(pathLinks(ids)));
    expect(points).toHaveLength(n - 2);
    expect(points.slice(0, 2)).toEqual([
      { id: 'n049999', componentSizes: [50_000, 49_999] },
      { id: 'n050000', componentSizes: [50_000, 49_999] },
    ]);
    expect(points.slice(-2)).toEqual([
      { id: 'n000001', componentSizes: [99_998, 1] },
      { id: 'n099998', componentSizes: [99_998, 1] },
    ]);
    // A large input: well under a second alone, longer on a shared, busy machine (no timing is asserted).
  }, 60_000);
});

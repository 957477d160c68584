import { describe, expect, it } from 'vitest';
import { centralityScores, rankScores } from '../../../src/analytics/centrality.ts';
import { BadUserInputError } from '../../../src/errors.ts';
import { cliqueLinks, linkGraph, pathLinks } from './link-graph.ts';

describe('centralityScores: DEGREE', () => {
  it('counts relationships, each parallel one included, self-loops not', () => {
    // a=b twice, b-c once, c-c (dropped by toGraph), d alone:
    // a: 2 (both a-b); b: 2 + 1 = 3; c: 1 (b-c; the self-loop is gone); d: 0.
    const graph = linkGraph(['a-b', 'a-b', 'b-c', 'c-c'], ['d']);
    expect(centralityScores(graph, 'DEGREE')).toEqual(
      new Map([
        ['a', 2],
        ['b', 3],
        ['c', 1],
        ['d', 0],
      ]),
    );
  });
});

describe('centralityScores: BETWEENNESS (normalized: share of the pairs of other entities)', () => {
  it('scores the nodes of a path by the pairs they separate', () => {
    // Path a-b-c-d-e, n = 5: each node has C(4, 2) = 6 pairs of other nodes, each with one shortest path.
    // a, e: on no path between others: 0.
    // b: between a and each of c, d, e: 3 of 6 = 1/2 (likewise d, by symmetry).
    // c: between {a, b} and {d, e}: 2 x 2 = 4 of 6 = 2/3.
    const scores = centralityScores(linkGraph(pathLinks(['a', 'b', 'c', 'd', 'e'])), 'BETWEENNESS');
    expect(scores.get('a')).toBe(0);
    expect(scores.get('b')).toBeCloseTo(1 / 2, 12);
    expect(scores.get('c')).toBeCloseTo(2 / 3, 12);
    expect(scores.get('d')).toBeCloseTo(1 / 2, 12);
    expect(scores.get('e')).toBe(0);
  });

  it("gives a star's centre 1 and its leaves 0", () => {
    // Centre z, leaves a..d: every one of the C(4, 2) = 6 leaf pairs runs through z; nothing runs through a leaf.
    const scores = centralityScores(linkGraph(['z-a', 'z-b', 'z-c', 'z-d']), 'BETWEENNESS');
    expect(scores.get('z')).toBeCloseTo(1, 12);
    for (const leaf of ['a', 'b', 'c', 'd']) expect(scores.get(leaf)).toBe(0);
  });

  it('counts a doubly cited link once', () => {
    // Cycle a-b-c-d-a with a second a-b relationship. Linked pairs only: each node has C(3, 2) = 3 pairs of
    // others; for b: (a, c) has two shortest paths, a-b-c and a-d-c, so b gets 1/2; (a, d) and (c, d) are
    // adjacent: 0. b = (1/2) / 3 = 1/6, and the same for every node by symmetry.
    // Counting parallel edges as paths would give b 2/3 of (a, c) and d 1/3: b = 2/9, d = 1/9.
    const scores = centralityScores(linkGraph(['a-b', 'a-b', 'b-c', 'c-d', 'd-a']), 'BETWEENNESS');
    for (const node of ['a', 'b', 'c', 'd']) expect(scores.get(node)).toBeCloseTo(1 / 6, 12);
  });

  it('scores a leaf 0 when parallel edges are present', () => {
    // a=b twice, b-c: a and c are leaves (0); b is on the one pair (a, c) of its C(2, 2) = 1: 1.
    const scores = centralityScores(linkGraph(['a-b', 'a-b', 'b-c']), 'BETWEENNESS');
    expect([scores.get('a'), scores.get('b'), scores.get('c')]).toEqual([0, 1, 0]);
  });
});

describe('centralityScores: PAGERANK (alpha 0.85, undirected, unweighted)', () => {
  it('sums to 1', () => {
    // The walk only moves mass around and the teleport adds back what damping takes: the total stays 1.
    const graph = linkGraph(
      [...pathLinks(['a', 'b', 'c', 'd', 'e']), 'z-a', 'z-y', 'z-x', ...cliqueLinks(['p', 'q', 'r'])],
      ['alone'],
    );
    const total = [...centralityScores(graph, 'PAGERANK').values()].reduce((sum, score) => sum + score, 0);
    expect(total).toBeCloseTo(1, 10);
  });

  it('solves the path a-b-c', () => {
    // x = (1 - 0.85)/3 + 0.85 * (what the neighbours send). A leaf sends all of its score to b; b sends half to each.
    // By symmetry x_a = x_c and x_b = 1 - 2 x_a, so x_a = 0.05 + 0.85 * x_b / 2 = 0.05 + 0.425 (1 - 2 x_a),
    // 1.85 x_a = 0.475: x_a = x_c = 19/74 (0.2568), x_b = 36/74 (0.4865).
    // (Iteration stops when the L1 change is below 3e-6, so the scores are within about 2e-5.)
    const scores = centralityScores(linkGraph(['a-b', 'b-c']), 'PAGERANK');
    expect(scores.get('a')).toBeCloseTo(19 / 74, 4);
    expect(scores.get('b')).toBeCloseTo(36 / 74, 4);
    expect(scores.get('c')).toBeCloseTo(19 / 74, 4);
  });

  it('walks a doubly cited link no more often than a single one', () => {
    // a=b twice, b-c: on the simple view this is the path a-b-c above. Weighting by relationships would send
    // 2/3 of b's score to a and 1/3 to c, and a would outrank c.
    const scores = centralityScores(linkGraph(['a-b', 'a-b', 'b-c']), 'PAGERANK');
    expect(scores.get('a')).toBeCloseTo(19 / 74, 4);
    expect(scores.get('c')).toBeCloseTo(19 / 74, 4);
  });

  it('spreads evenly over a cycle and over isolated entities, and is empty for an empty graph', () => {
    // A 4-cycle is regular: the uniform 1/4 is stationary. Three isolated entities all teleport: 1/3 each.
    for (const score of centralityScores(linkGraph(pathLinks(['a', 'b', 'c', 'd', 'a'])), 'PAGERANK').values()) {
      expect(score).toBeCloseTo(1 / 4, 10);
    }
    for (const score of centralityScores(linkGraph([], ['x', 'y', 'z']), 'PAGERANK').values()) {
      expect(score).toBeCloseTo(1 / 3, 10);
    }
    expect(centralityScores(linkGraph([]), 'PAGERANK').size).toBe(0);
  });
});

describe('rankScores', () => {
  // Map order c before b, so the tie between them must be broken by id, not by insertion.
  const scores = new Map([
    ['a', 1],
    ['c', 3],
    ['b', 3],
    ['d', 2],
  ]);

  it('ranks highest first, ties by id ascending, rank = position', () => {
    expect(rankScores(scores, 3)).toEqual([
      { id: 'b', score: 3, rank: 1 },
      { id: 'c', score: 3, rank: 2 },
      { id: 'd', score: 2, rank: 3 },
    ]);
  });

  it('returns everything when first exceeds the count, and nothing for first = 0', () => {
    expect(rankScores(scores, 10).map(({ id, rank }) => `${rank}:${id}`)).toEqual(['1:b', '2:c', '3:d', '4:a']);
    expect(rankScores(scores, 0)).toEqual([]);
  });

  it.each([-1, 1.5])('refuses first = %s', (first) => {
    expect(() => rankScores(scores, first)).toThrow(BadUserInputError);
    expect(() => rankScores(scores, first)).toThrow(`'first' must be a non-negative integer, got ${first}`);
  });
});

import { describe, expect, it } from 'vitest';
import { toGraph, toSimpleGraph } from '../../../src/analytics/projection.ts';
import type { ProjectionData } from '../../../src/analytics/projection.ts';

// Rows deliberately out of id order, with a parallel relationship (r1, r2 both a-b) and a self-loop (r4 on c).
const data: ProjectionData = {
  nodes: [
    { id: 'c', kind: 'Company' },
    { id: 'a', kind: 'Country' },
    { id: 'b', kind: 'Facility' },
  ],
  relationships: [
    { id: 'r3', type: 'OPERATES', source: 'c', target: 'b' },
    { id: 'r2', type: 'SUPPLIES', source: 'a', target: 'b' },
    { id: 'r4', type: 'OWNS', source: 'c', target: 'c' },
    { id: 'r1', type: 'SUPPLIES', source: 'b', target: 'a' },
  ],
};

describe('toGraph: the projection as an undirected multigraph', () => {
  it('keys nodes by entity id with their kind, and edges by relationship id with their type', () => {
    const graph = toGraph(data);
    expect(graph.type).toBe('undirected');
    expect(graph.multi).toBe(true);
    expect(graph.getNodeAttributes('b')).toEqual({ kind: 'Facility' });
    expect(graph.getEdgeAttributes('r3')).toEqual({ type: 'OPERATES' });
    expect(graph.extremities('r3')).toEqual(['c', 'b']);
  });

  it('keeps parallel relationships as distinct edges and drops self-loops', () => {
    const graph = toGraph(data);
    // r1 and r2 both link a and b; r4 (c to c) is dropped: 3 edges of the 4 rows.
    expect(graph.size).toBe(3);
    expect(graph.edges('a', 'b').sort()).toEqual(['r1', 'r2']);
    expect(graph.hasEdge('r4')).toBe(false);
  });

  it('adds nodes and edges in id order whatever order the rows came in', () => {
    const graph = toGraph(data);
    expect(graph.nodes()).toEqual(['a', 'b', 'c']);
    expect(graph.edges()).toEqual(['r1', 'r2', 'r3']);
  });

  it('refuses a projection that repeats an id or links an entity it does not hold', () => {
    const node = { id: 'a', kind: 'Country' };
    expect(() => toGraph({ nodes: [node, node], relationships: [] })).toThrow("two nodes with id 'a'");
    const link = { id: 'r1', type: 'SUPPLIES', source: 'a', target: 'b' };
    expect(() => toGraph({ nodes: [node, { id: 'b', kind: 'Company' }], relationships: [link, link] })).toThrow(
      "two relationships with id 'r1'",
    );
    expect(() => toGraph({ nodes: [node], relationships: [link] })).toThrow(
      "links 'b', which is not in the projection",
    );
  });
});

describe('toSimpleGraph: one edge per linked pair', () => {
  it('merges parallel relationships into one edge and keeps every node with its kind, in order', () => {
    const simple = toSimpleGraph(toGraph(data));
    // Pairs linked: {a, b} (r1, r2) and {b, c} (r3): two edges.
    expect(simple.multi).toBe(false);
    expect(simple.type).toBe('undirected');
    expect(simple.size).toBe(2);
    expect(simple.hasEdge('a', 'b') && simple.hasEdge('b', 'c')).toBe(true);
    expect(simple.nodes()).toEqual(['a', 'b', 'c']);
    expect(simple.getNodeAttribute('c', 'kind')).toBe('Company');
  });
});

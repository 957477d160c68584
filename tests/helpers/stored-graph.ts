/**
 * Test helper: the whole stored graph, node by node (by label and id) and relationship by relationship (by id),
 * properties and citations included, and the differences between two of them, one line each. Progress records
 * of loads (GeneratorRun, LoadRun) and the graph's version are bookkeeping, not graph content, and are left out.
 */
import { expect } from 'vitest';
import type { QueryRunner } from '../../src/db/query-runner.ts';

export interface StoredGraph {
  /** Every node but the bookkeeping ones, by label and id. */
  nodes: Map<string, Record<string, unknown>>;
  /** Every relationship, by id. */
  relationships: Map<string, { type: string; from: string; to: string; props: Record<string, unknown> }>;
  /** How many nodes and relationships were read (a duplicate id counts twice here, once in the maps). */
  rows: { nodes: number; relationships: number };
}

/** The whole stored graph, read the same way whatever wrote it. */
export async function readStoredGraph(runner: QueryRunner): Promise<StoredGraph> {
  const nodes = await runner.read<{ label: string; id: string; labels: string[]; props: Record<string, unknown> }>(
    'test.stored-nodes',
    `MATCH (n) WHERE NOT n:GraphVersion AND NOT n:KgTestDatabase AND NOT n:GeneratorRun AND NOT n:LoadRun
     RETURN CASE WHEN n:Entity THEN 'Entity' ELSE labels(n)[0] END AS label, n.id AS id, labels(n) AS labels,
            properties(n) AS props`,
  );
  const relationships = await runner.read<{
    id: string;
    type: string;
    from: string;
    to: string;
    props: Record<string, unknown>;
  }>(
    'test.stored-relationships',
    'MATCH (a)-[r]->(b) RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props',
  );
  return {
    nodes: new Map(nodes.map((n) => [`${n.label} ${n.id}`, { ...n.props, '(labels)': [...n.labels].sort() }])),
    relationships: new Map(relationships.map(({ id, ...r }) => [id, r])),
    rows: { nodes: nodes.length, relationships: relationships.length },
  };
}

/** Every difference between two stored graphs, one line each (empty when they are the same). */
export function differences(expected: StoredGraph, actual: StoredGraph): string[] {
  const found: string[] = [];
  if (expected.rows.nodes !== actual.rows.nodes) found.push(`${expected.rows.nodes} nodes, got ${actual.rows.nodes}`);
  for (const [key, props] of expected.nodes) {
    const other = actual.nodes.get(key);
    if (other === undefined) found.push(`missing node ${key}`);
    else if (!equal(props, other)) found.push(`node ${key} differs`);
  }
  for (const key of actual.nodes.keys()) if (!expected.nodes.has(key)) found.push(`extra node ${key}`);
  if (expected.rows.relationships !== actual.rows.relationships) {
    found.push(`${expected.rows.relationships} relationships, got ${actual.rows.relationships}`);
  }
  for (const [id, relationship] of expected.relationships) {
    const other = actual.relationships.get(id);
    if (other === undefined) found.push(`missing relationship ${id}`);
    else if (!equal(relationship, other)) found.push(`relationship ${id} differs`);
  }
  for (const id of actual.relationships.keys()) {
    if (!expected.relationships.has(id)) found.push(`extra relationship ${id}`);
  }
  return found;
}

function equal(a: unknown, b: unknown): boolean {
  try {
    expect(b).toStrictEqual(a);
    return true;
  } catch {
    return false;
  }
}

/**
 * Internal: a shortest path between two entities, ignoring direction, over allowed types and asOf.
 * Cypher cannot take a path length bound as a parameter, so there is one fixed statement per allowed maxHops.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import type { RelationshipType } from '../model/vocabulary.ts';
import { HOLDS_AS_OF } from './partial-date.ts';
import { toEntityRow, toRelationshipRow, type EntityRow, type RelationshipRow } from './rows.ts';

export const MAX_HOPS = 10;

/** Takes: $from, $to, $types, $asOf. Returns: at most one path as node and relationship property lists. */
function shortestPathStatement(maxHops: number): string {
  return `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = shortestPath((a)-[rels*..${maxHops}]-(b))
WHERE all(r IN rels WHERE ($types IS NULL OR type(r) IN $types) AND ${HOLDS_AS_OF})
RETURN [n IN nodes(p) | properties(n)] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r)}] AS rels`;
}

const STATEMENTS = new Map(Array.from({ length: MAX_HOPS }, (_, i) => [i + 1, shortestPathStatement(i + 1)]));

export interface Path {
  length: number;
  nodes: EntityRow[];
  edges: RelationshipRow[];
}

export async function findShortestPath(
  runner: QueryRunner,
  from: EntityRow,
  to: EntityRow,
  options: { maxHops: number; types: readonly RelationshipType[] | null; asOf: string | null },
): Promise<Path | null> {
  if (from.id === to.id) return { length: 0, nodes: [from], edges: [] };
  const statement = STATEMENTS.get(options.maxHops);
  if (statement === undefined) throw new RangeError(`maxHops ${options.maxHops} is out of range`);
  const [row] = await runner.read<{
    nodes: Array<Record<string, unknown>>;
    rels: Array<{ type: string; source: string; target: string; props: Record<string, unknown> }>;
  }>('shortest-path', statement, { from: from.id, to: to.id, types: options.types, asOf: options.asOf });
  if (!row) return null;
  return {
    length: row.rels.length,
    nodes: row.nodes.map(toEntityRow),
    edges: row.rels.map((r) => toRelationshipRow(r.type, r.source, r.target, r.props)),
  };
}

/**
 * Internal: given entities and the relationships among them, for exporting a view a client already holds
 * (the explorer's current nodes). Unknown ids are reported, not guessed.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import type { RelationshipType } from '../model/vocabulary.ts';
import { HOLDS_AS_OF } from './partial-date.ts';
import { toEntityRow, toRelationshipRow, type EntityRow, type RelationshipRow } from './rows.ts';

/** Takes: $ids. Returns: the entities with those ids, in id order. */
const ENTITIES_BY_ID = `
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN properties(n) AS props
ORDER BY n.id`;

/** Takes: $ids, $types, $asOf. Returns: every relationship between two of those entities, in a stable order. */
const RELATIONSHIPS_AMONG = `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids
  AND ($types IS NULL OR type(r) IN $types)
  AND ${HOLDS_AS_OF}
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props
ORDER BY source, type, target, r.key`;

export interface EntitySubgraph {
  nodes: EntityRow[];
  edges: RelationshipRow[];
  /** Requested ids that name no entity. */
  missing: string[];
}

export async function findSubgraphByIds(
  runner: QueryRunner,
  ids: readonly string[],
  options: { types: readonly RelationshipType[] | null; asOf: string | null },
): Promise<EntitySubgraph> {
  const unique = [...new Set(ids)];
  const rows = await runner.read<{ props: Record<string, unknown> }>('subgraph-by-ids.nodes', ENTITIES_BY_ID, {
    ids: unique,
  });
  const nodes = rows.map((row) => toEntityRow(row.props));
  const found = new Set(nodes.map((n) => n.id));
  const edges = await runner.read<{ source: string; type: string; target: string; props: Record<string, unknown> }>(
    'subgraph-by-ids.edges',
    RELATIONSHIPS_AMONG,
    { ids: [...found], types: options.types, asOf: options.asOf },
  );
  return {
    nodes,
    edges: edges.map((e) => toRelationshipRow(e.type, e.source, e.target, e.props)),
    missing: unique.filter((id) => !found.has(id)),
  };
}

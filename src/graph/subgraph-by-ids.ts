/**
 * Internal: given entities and the relationships among them, for exporting a view a client already holds
 * (the explorer's current nodes). Unknown ids are reported, not guessed.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import type { RelationshipType } from '../model/vocabulary.ts';
import { findRelationshipsAmong } from './relationships-among.ts';
import { toEntityRow, type EntityRow, type RelationshipRow } from './rows.ts';

/** Takes: $ids. Returns: the entities with those ids, in id order. */
const ENTITIES_BY_ID = `
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN properties(n) AS props
ORDER BY n.id`;

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
  const edges = await findRelationshipsAmong(runner, 'subgraph-by-ids.edges', [...found], {
    types: options.types,
    asOf: options.asOf,
  });
  return {
    nodes,
    edges,
    missing: unique.filter((id) => !found.has(id)),
  };
}

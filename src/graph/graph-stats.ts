/** Internal: counts of what the graph holds, by entity kind and by relationship type. */
import type { QueryRunner } from '../db/query-runner.ts';
import type { EntityKind, RelationshipType } from '../model/vocabulary.ts';

/** Returns: entities per kind, most first. */
const KIND_COUNTS = `
MATCH (n:Entity)
RETURN n.kind AS kind, count(*) AS count
ORDER BY count DESC, kind`;

/** Returns: relationships between entities per type, most first. */
const RELATIONSHIP_TYPE_COUNTS = `
MATCH (:Entity)-[r]->(:Entity)
RETURN type(r) AS type, count(*) AS count
ORDER BY count DESC, type`;

export interface GraphCounts {
  entityCount: number;
  relationshipCount: number;
  kinds: Array<{ kind: EntityKind; count: number }>;
  relationshipTypes: Array<{ type: RelationshipType; count: number }>;
}

export async function countGraph(runner: QueryRunner): Promise<GraphCounts> {
  const [kinds, relationshipTypes] = await Promise.all([
    runner.read<{ kind: EntityKind; count: number }>('graph-stats.kinds', KIND_COUNTS),
    runner.read<{ type: RelationshipType; count: number }>('graph-stats.relationship-types', RELATIONSHIP_TYPE_COUNTS),
  ]);
  return {
    entityCount: kinds.reduce((sum, row) => sum + row.count, 0),
    relationshipCount: relationshipTypes.reduce((sum, row) => sum + row.count, 0),
    kinds,
    relationshipTypes,
  };
}

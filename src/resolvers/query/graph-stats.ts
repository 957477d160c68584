/** Query.graphStats: counts by entity kind and by relationship type, two aggregation statements. */
import type { RequestContext } from '../../context.ts';
import type { EntityKind, RelationshipType } from '../../model/vocabulary.ts';

const KIND_COUNTS = `
MATCH (n:Entity)
RETURN n.kind AS kind, count(*) AS count
ORDER BY count DESC, kind`;

const RELATIONSHIP_TYPE_COUNTS = `
MATCH (:Entity)-[r]->(:Entity)
RETURN type(r) AS type, count(*) AS count
ORDER BY count DESC, type`;

export async function graphStats(_parent: unknown, _args: unknown, { runner }: RequestContext) {
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

/**
 * Internal: the relationships of many entities at once, for one "spec" (direction, types, kinds at the other end,
 * asOf). Every typed relationship field (Company.materials, Material.suppliers, ...) and Entity.relationships
 * reads through here (batched by src/loaders/create-related-loader.ts), so a nested query costs one statement per
 * level, not per result.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import { HOLDS_AS_OF } from './partial-date.ts';
import { toEntityRow, toRelationshipRow, type EntityRow, type RelationshipRow } from './rows.ts';

export type Direction = 'OUT' | 'IN' | 'BOTH';

export interface RelatedSpec {
  direction: Direction;
  /** Relationship types to follow; null for all. */
  types: readonly string[] | null;
  /** Kinds allowed at the other end; null for all. */
  kinds: readonly string[] | null;
  /** End-of-period bound (see partial-date.ts), or null for no time filter. */
  asOf: string | null;
}

export interface RelatedRow {
  direction: 'OUT' | 'IN';
  other: EntityRow;
  relationship: RelationshipRow;
}

/**
 * Takes: $ids, $direction, $types, $kinds, $asOf. Returns: one row per relationship, ordered by the other end's
 * name, then fully (type, direction, key), so pages never overlap. The loader rejects relationships from an entity
 * to itself, so each relationship appears once per end.
 */
const RELATED = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r]-(m:Entity)
WHERE ($types IS NULL OR type(r) IN $types)
  AND ($kinds IS NULL OR m.kind IN $kinds)
  AND ($direction = 'BOTH' OR ($direction = 'OUT') = (startNode(r) = n))
  AND ${HOLDS_AS_OF}
RETURN id, type(r) AS type, startNode(r) = n AS outgoing, properties(r) AS rel, properties(m) AS other
ORDER BY id, toLower(m.name), m.id, type, outgoing, r.key`;

/** The related rows of each id, in the order above (an empty list for an id without any). */
export async function findRelated(
  runner: QueryRunner,
  ids: readonly string[],
  spec: RelatedSpec,
): Promise<Map<string, RelatedRow[]>> {
  const rows = await runner.read<{
    id: string;
    type: string;
    outgoing: boolean;
    rel: Record<string, unknown>;
    other: Record<string, unknown>;
  }>('related', RELATED, { ids, ...spec });
  const byId = new Map<string, RelatedRow[]>(ids.map((id) => [id, []]));
  for (const row of rows) {
    const otherId = String(row.other['id']);
    const [source, target] = row.outgoing ? [row.id, otherId] : [otherId, row.id];
    byId.get(row.id)?.push({
      direction: row.outgoing ? 'OUT' : 'IN',
      other: toEntityRow(row.other),
      relationship: toRelationshipRow(row.type, source, target, row.rel),
    });
  }
  return byId;
}

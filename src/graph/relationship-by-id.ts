/**
 * Internal: one relationship by its id (src/model/identity.ts) and its source entity, as the API reads
 * relationships; null when there is none.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import { toRelationshipRow, type RelationshipRow } from '../graph/rows.ts';

/** Takes: $source, $id. */
const READ_RELATIONSHIP = `
MATCH (a:Entity {id: $source})-[r]->(b:Entity)
WHERE r.id = $id
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props`;

export async function readRelationship(
  runner: QueryRunner,
  source: string,
  id: string,
): Promise<RelationshipRow | null> {
  const [row] = await runner.read<{ type: string; source: string; target: string; props: Record<string, unknown> }>(
    'relationship-by-id',
    READ_RELATIONSHIP,
    { source, id },
  );
  return row ? toRelationshipRow(row.type, row.source, row.target, row.props) : null;
}

/** A relationship id's source entity (`TYPE:source->target`, with `#key` when there is a key), or null. */
function sourceOf(id: string): string | null {
  return /^[A-Z][A-Z0-9_]*:([^>]+?)->[^>]+$/.exec(id)?.[1] ?? null;
}

/**
 * One relationship by its id alone, for Relay's `node(id:)`: the id names its source, whose index seek finds it.
 * Null when the id is not a relationship id or there is no such relationship.
 */
export async function readRelationshipById(runner: QueryRunner, id: string): Promise<RelationshipRow | null> {
  const source = sourceOf(id);
  return source === null ? null : readRelationship(runner, source, id);
}

/** Takes: $refs [{id, source}]. Returns: each relationship found, with its ends and properties. */
const READ_RELATIONSHIPS = `
UNWIND $refs AS ref
MATCH (a:Entity {id: ref.source})-[r]->(b:Entity)
WHERE r.id = ref.id
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props`;

/** Relationships by id and source entity (an index seek each), in the order asked; missing ones are left out. */
export async function readRelationships(
  runner: QueryRunner,
  refs: ReadonlyArray<{ id: string; source: string }>,
): Promise<RelationshipRow[]> {
  const rows = await runner.read<{ type: string; source: string; target: string; props: Record<string, unknown> }>(
    'relationships-by-id',
    READ_RELATIONSHIPS,
    { refs },
  );
  const byId = new Map(
    rows.map((r) => [String(r.props['id']), toRelationshipRow(r.type, r.source, r.target, r.props)]),
  );
  return refs.flatMap((ref) => byId.get(ref.id) ?? []);
}

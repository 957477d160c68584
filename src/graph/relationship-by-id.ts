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

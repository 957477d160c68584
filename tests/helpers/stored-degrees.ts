/**
 * Test helper: the entities whose stored degree (src/store/entity-degrees.ts) is not the number of relationships
 * they have, counted afresh: empty when every writer kept the degrees.
 */
import type { QueryRunner } from '../../src/db/query-runner.ts';

export async function wrongDegrees(
  runner: QueryRunner,
): Promise<Array<{ id: string; stored: number | null; counted: number }>> {
  return runner.read(
    'test.wrong-degrees',
    `MATCH (n:Entity)
     WITH n, size([(n)-[r]-() | r]) AS counted
     WHERE n.degree IS NULL OR n.degree <> counted
     RETURN n.id AS id, n.degree AS stored, counted
     ORDER BY id LIMIT 20`,
  );
}

/** Internal: whether the database holds no entity yet (start-up seeds only then). */
import type { QueryRunner } from '../db/query-runner.ts';

const ANY_ENTITY = 'MATCH (n:Entity) RETURN n.id LIMIT 1';

export async function isGraphEmpty(runner: QueryRunner): Promise<boolean> {
  const rows = await runner.read('graph-is-empty', ANY_ENTITY);
  return rows.length === 0;
}

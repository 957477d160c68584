/** Internal: entities by id, one statement for any number of ids. */
import type { QueryRunner } from '../db/query-runner.ts';
import { toEntityRow, type EntityRow } from './rows.ts';

/** Takes: $ids. Returns: one row per id found. */
const ENTITIES_BY_ID = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, properties(n) AS props`;

export async function findEntitiesById(runner: QueryRunner, ids: readonly string[]): Promise<Map<string, EntityRow>> {
  const rows = await runner.read<{ id: string; props: Record<string, unknown> }>('entities-by-id', ENTITIES_BY_ID, {
    ids,
  });
  return new Map(rows.map((r) => [r.id, toEntityRow(r.props)]));
}

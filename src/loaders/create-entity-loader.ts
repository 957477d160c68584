/** Per request: entities by id, one statement per batch; null for an id that does not exist. */
import DataLoader from 'dataloader';
import type { QueryRunner } from '../db/query-runner.ts';
import { toEntityRow, type EntityRow } from '../graph/rows.ts';

/** Takes: $ids. Returns: one row per id found. */
const ENTITIES_BY_ID = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, properties(n) AS props`;

export function createEntityLoader(runner: QueryRunner): DataLoader<string, EntityRow | null> {
  return new DataLoader(async (ids) => {
    const rows = await runner.read<{ id: string; props: Record<string, unknown> }>('entities-by-id', ENTITIES_BY_ID, {
      ids,
    });
    const byId = new Map(rows.map((r) => [r.id, toEntityRow(r.props)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

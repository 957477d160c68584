/**
 * Per request: records by id, one statement per batch (a statement that takes $ids and returns `id` and
 * `props`); the result has one entry per key, in key order, null for an id that does not exist.
 */
import DataLoader from 'dataloader';
import type { QueryRunner } from '../db/query-runner.ts';

export function createByIdLoader<T>(
  runner: QueryRunner,
  operation: string,
  statement: string,
  toRow: (props: Record<string, unknown>) => T,
): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await runner.read<{ id: string; props: Record<string, unknown> }>(operation, statement, { ids });
    const byId = new Map(rows.map((r) => [r.id, toRow(r.props)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

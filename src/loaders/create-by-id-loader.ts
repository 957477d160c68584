/**
 * Per request: records by id through a graph function that finds many ids in one statement; the result has one
 * entry per key, in key order, null for an id that does not exist.
 */
import DataLoader from 'dataloader';
import type { QueryRunner } from '../db/query-runner.ts';

export function createByIdLoader<T>(
  runner: QueryRunner,
  find: (runner: QueryRunner, ids: readonly string[]) => Promise<Map<string, T>>,
): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const byId = await find(runner, ids);
    return ids.map((id) => byId.get(id) ?? null);
  });
}

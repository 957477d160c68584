/** Per request: entities by id; null for an id that does not exist. */
import type DataLoader from 'dataloader';
import type { QueryRunner } from '../db/query-runner.ts';
import { toEntityRow, type EntityRow } from '../graph/rows.ts';
import { createByIdLoader } from './create-by-id-loader.ts';

/** Takes: $ids. Returns: one row per id found. */
const ENTITIES_BY_ID = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, properties(n) AS props`;

export function createEntityLoader(runner: QueryRunner): DataLoader<string, EntityRow | null> {
  return createByIdLoader(runner, 'entities-by-id', ENTITIES_BY_ID, toEntityRow);
}

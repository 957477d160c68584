/** Per request: entities by id; null for an id that does not exist. */
import type DataLoader from 'dataloader';
import type { QueryRunner } from '../db/query-runner.ts';
import { findEntitiesById } from '../graph/find-entities.ts';
import type { EntityRow } from '../graph/rows.ts';
import { createByIdLoader } from './create-by-id-loader.ts';

export function createEntityLoader(runner: QueryRunner): DataLoader<string, EntityRow | null> {
  return createByIdLoader(runner, findEntitiesById);
}

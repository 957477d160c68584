/** Per request: source documents by id; null for an id that does not exist. */
import type DataLoader from 'dataloader';
import type { QueryRunner } from '../db/query-runner.ts';
import { findDocumentsById } from '../graph/documents.ts';
import type { DocumentRow } from '../graph/rows.ts';
import { createByIdLoader } from './create-by-id-loader.ts';

export function createDocumentLoader(runner: QueryRunner): DataLoader<string, DocumentRow | null> {
  return createByIdLoader(runner, findDocumentsById);
}

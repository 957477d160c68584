/** Per request: source documents by id; null for an id that does not exist. */
import type DataLoader from 'dataloader';
import type { QueryRunner } from '../db/query-runner.ts';
import { toDocumentRow, type DocumentRow } from '../graph/rows.ts';
import { createByIdLoader } from './create-by-id-loader.ts';

/** Takes: $ids. Returns: one row per document found (without its text). */
const DOCUMENTS_BY_ID = `
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN id, d {.id, .title, .author, .publisher, .date, .url, .license} AS props`;

export function createDocumentLoader(runner: QueryRunner): DataLoader<string, DocumentRow | null> {
  return createByIdLoader(runner, 'documents-by-id', DOCUMENTS_BY_ID, toDocumentRow);
}

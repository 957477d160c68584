/** Per request: source documents by id, one statement per batch; null for an id that does not exist. */
import DataLoader from 'dataloader';
import type { QueryRunner } from '../db/query-runner.ts';
import { toDocumentRow, type DocumentRow } from '../graph/rows.ts';

/** Takes: $ids. Returns: one row per document found (without its text). */
const DOCUMENTS_BY_ID = `
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN id, d {.id, .title, .author, .publisher, .date, .url, .license} AS props`;

export function createDocumentLoader(runner: QueryRunner): DataLoader<string, DocumentRow | null> {
  return new DataLoader(async (ids) => {
    const rows = await runner.read<{ id: string; props: Record<string, unknown> }>('documents-by-id', DOCUMENTS_BY_ID, {
      ids,
    });
    const byId = new Map(rows.map((r) => [r.id, toDocumentRow(r.props)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Per request: the sections of documents, batched across documents. */
import DataLoader from 'dataloader';
import type { QueryRunner } from '../db/query-runner.ts';
import { findSections, type SectionRow } from '../graph/documents.ts';

export function createSectionLoader(runner: QueryRunner): DataLoader<string, SectionRow[]> {
  return new DataLoader(async (ids) => {
    const byDocument = await findSections(runner, ids);
    return ids.map((id) => byDocument.get(id) ?? []);
  });
}

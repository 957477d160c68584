/** Internal: source documents (without their text) and their sections. */
import type { QueryRunner } from '../db/query-runner.ts';
import { toDocumentRow, type DocumentRow } from './rows.ts';

/** The one projection of a Document node the API reads: everything but the text. */
const DOCUMENT = `d {.id, .title, .author, .publisher, .date, .url, .license}`;

/** Takes: $ids. Returns: one row per document found. */
const DOCUMENTS_BY_ID = `
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN id, ${DOCUMENT} AS props`;

/** Returns: every document, by title. */
const ALL_DOCUMENTS = `
MATCH (d:Document)
RETURN ${DOCUMENT} AS props
ORDER BY d.title, d.id`;

/**
 * Takes: $ids (document ids). Returns: their sections in document order, each with how many citations quote it
 * and the tables cited under it.
 */
const SECTIONS = `
UNWIND $ids AS documentId
MATCH (s:Section {documentId: documentId})
CALL (s) {
  OPTIONAL MATCH (c:Citation {documentId: s.documentId, section: s.heading})
  RETURN count(c) AS citationCount, [t IN collect(DISTINCT c.table) WHERE t IS NOT NULL] AS tables
}
RETURN documentId, s.heading AS heading, s.level AS level, citationCount, tables
ORDER BY documentId, s.ordinal`;

export type SectionRow = {
  documentId: string;
  heading: string;
  level: number;
  citationCount: number;
  tables: string[];
};

export async function findDocumentsById(
  runner: QueryRunner,
  ids: readonly string[],
): Promise<Map<string, DocumentRow>> {
  const rows = await runner.read<{ id: string; props: Record<string, unknown> }>('documents-by-id', DOCUMENTS_BY_ID, {
    ids,
  });
  return new Map(rows.map((r) => [r.id, toDocumentRow(r.props)]));
}

export async function listDocuments(runner: QueryRunner): Promise<DocumentRow[]> {
  const rows = await runner.read<{ props: Record<string, unknown> }>('documents', ALL_DOCUMENTS);
  return rows.map((r) => toDocumentRow(r.props));
}

/** Sections of many documents at once, grouped by document id (an empty list for a document without any). */
export async function findSections(runner: QueryRunner, ids: readonly string[]): Promise<Map<string, SectionRow[]>> {
  const rows = await runner.read<SectionRow>('sections', SECTIONS, { ids });
  const byDocument = new Map<string, SectionRow[]>(ids.map((id) => [id, []]));
  for (const row of rows) byDocument.get(row.documentId)?.push(row);
  return byDocument;
}

/**
 * Internal: the statement parameters a write of graph data sends, built in one place for both writers, the MERGE
 * writer (write-graph.ts) and the CREATE writer (create-graph.ts), so both store the same properties, sections and
 * citations for the same data.
 */
import type { Citation } from '../model/data-file-schema.ts';
import { citationId } from '../model/identity.ts';
import { storedEntityProperties, storedRelationshipProperties } from '../model/stored-properties.ts';
import { indexSourceText } from './source-text-index.ts';
import type { DocumentToWrite, EntityToWrite, RelationshipToWrite } from './validate-graph-data.ts';

export interface SectionRow {
  id: string;
  documentId: string;
  heading: string;
  level: number;
  ordinal: number;
}

export interface EntityRow {
  id: string;
  kind: string;
  properties: Record<string, unknown>;
}

export interface RelationshipRow {
  type: string;
  from: string;
  to: string;
  key: string;
  properties: Record<string, unknown> & { id: string };
}

export type CitationRow = Record<string, unknown>;

/** A Section node per heading of each document's text, numbered from 1 in text order. */
export function sectionRows(documents: readonly DocumentToWrite[]): SectionRow[] {
  return documents.flatMap((d) =>
    indexSourceText(d.text).sections.map((section, ordinal) => ({
      id: `${d.id}#${ordinal + 1}`,
      documentId: d.id,
      heading: section.heading,
      level: section.level,
      ordinal: ordinal + 1,
    })),
  );
}

export function entityRow(e: EntityToWrite): EntityRow {
  return { id: e.id, kind: e.kind, properties: storedEntityProperties(e) };
}

export function relationshipRow(r: RelationshipToWrite): RelationshipRow {
  return { type: r.type, from: r.from, to: r.to, key: r.key, properties: storedRelationshipProperties(r) };
}

export function entityCitationRows(entities: readonly EntityToWrite[]): CitationRow[] {
  return entities.flatMap((e) => citationsOf(e.id, e.documentId, e.sources, { entityId: e.id }));
}

/** The citations of relationships, given with their rows (`rows[i]` is `relationships[i]`'s). */
export function relationshipCitationRows(
  relationships: readonly RelationshipToWrite[],
  rows: readonly RelationshipRow[],
): CitationRow[] {
  return rows.flatMap((r, i) => {
    const { id } = r.properties;
    const subject = { relationshipId: id, source: r.from, type: r.type, target: r.to };
    return citationsOf(id, relationships[i]?.documentId ?? '', relationships[i]?.sources ?? [], subject);
  });
}

/** Citation nodes for one subject's sources; `subject` says what they support. */
function citationsOf(
  subjectId: string,
  documentId: string,
  sources: readonly Citation[],
  subject: Record<string, string>,
): CitationRow[] {
  return sources.map((source, index) => ({
    id: citationId(subjectId, index),
    documentId,
    section: source.section,
    table: source.table ?? null,
    row: source.row ?? null,
    quote: source.quote,
    ordinal: index,
    ...subject,
  }));
}

/** Rows grouped by a key, each group in the rows' order. */
export function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

export function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * A label or relationship type from the vocabulary as statement text: checked to be a plain identifier (never
 * input), since a static label or type plans far better than a dynamic one in these statements.
 */
export function identifier(name: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new RangeError(`not a label or type name: ${JSON.stringify(name)}`);
  return name;
}

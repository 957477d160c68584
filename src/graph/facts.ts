/**
 * Internal: provenance. The facts (entities and relationships) that a document, one of its sections, one of its
 * tables or one table row supports, through the Citation nodes src/store/write-graph.ts stores. Each statement
 * seeks an index on Citation (by document; document and section; document, table and row), so the work grows
 * with the citations asked about, not with the graph. Pages are keyset pages on the citation id, read forward or
 * (a `last` page) backward from the end of the window between two cursors.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import { toEntityRow, toRelationshipRow, type CitationRow, type EntityRow, type RelationshipRow } from './rows.ts';

export interface FactFilter {
  documentId: string;
  section: string | null;
  table: string | null;
  row: number | null;
}

export interface FactRow {
  /** The citation's id: what keyset pages continue after. */
  id: string;
  citation: CitationRow;
  entity: EntityRow | null;
  relationship: RelationshipRow | null;
}

/** Which citations match, by the most specific index the filter allows. */
const MATCH_CITATIONS = {
  bySection: `MATCH (c:Citation {documentId: $documentId, section: $section})
WHERE ($table IS NULL OR c.table = $table) AND ($row IS NULL OR c.row = $row)`,
  byTable: `MATCH (c:Citation {documentId: $documentId, table: $table})
WHERE c.row IS NOT NULL AND ($row IS NULL OR c.row = $row)`,
  byDocument: `MATCH (c:Citation {documentId: $documentId})`,
};

function matchCitations(filter: FactFilter): string {
  if (filter.section !== null) return MATCH_CITATIONS.bySection;
  if (filter.table !== null) return MATCH_CITATIONS.byTable;
  return MATCH_CITATIONS.byDocument;
}

/**
 * Takes: the filter's $documentId, $section, $table, $row; $after and $before (citation ids, or null); $limit.
 * Returns: at most $limit citations between $after and $before by id (ascending, or from $before down when
 * `backward`), each with the entity or the relationship (and its ends' ids) it supports.
 */
const FACTS_PAGE = (match: string, backward: boolean) => `
${match}
WITH c
WHERE ($after IS NULL OR c.id > $after) AND ($before IS NULL OR c.id < $before)
ORDER BY c.id${backward ? ' DESC' : ''}
LIMIT toInteger($limit)
OPTIONAL CALL (c) {
  MATCH (e:Entity {id: c.entityId})
  RETURN properties(e) AS entity
}
OPTIONAL CALL (c) {
  MATCH (:Entity {id: c.source})-[r]->(:Entity {id: c.target})
  WHERE r.id = c.relationshipId
  RETURN properties(r) AS rel
}
RETURN c {.*} AS citation, entity, rel`;

/** Takes: the filter's parameters. Returns: how many citations match. */
const FACTS_COUNT = (match: string) => `
${match}
RETURN count(c) AS total`;

/** A keyset window: the citation ids strictly between `after` and `before`, `limit` of them from one end. */
export interface FactWindow {
  after: string | null;
  before: string | null;
  backward: boolean;
  limit: number;
}

/** The facts of `window` in the order read (descending ids when backward), and how many facts match in all. */
export async function findFacts(
  runner: QueryRunner,
  filter: FactFilter,
  window: FactWindow,
): Promise<{ items: FactRow[]; total: number }> {
  const match = matchCitations(filter);
  const [rows, [count]] = await Promise.all([
    runner.read<{
      citation: Record<string, unknown>;
      entity: Record<string, unknown> | null;
      rel: Record<string, unknown> | null;
    }>('facts.page', FACTS_PAGE(match, window.backward), {
      ...filter,
      after: window.after,
      before: window.before,
      limit: window.limit,
    }),
    runner.read<{ total: number }>('facts.count', FACTS_COUNT(match), { ...filter }),
  ]);
  const items = rows.map(({ citation, entity, rel }) => ({
    id: String(citation['id']),
    citation: {
      documentId: String(citation['documentId']),
      section: String(citation['section']),
      ...(citation['table'] === null || citation['table'] === undefined ? {} : { table: String(citation['table']) }),
      ...(citation['row'] === null || citation['row'] === undefined ? {} : { row: Number(citation['row']) }),
      quote: String(citation['quote']),
    },
    entity: entity ? toEntityRow(entity) : null,
    relationship: rel
      ? toRelationshipRow(String(citation['type']), String(citation['source']), String(citation['target']), rel)
      : null,
  }));
  return { items, total: count?.total ?? 0 };
}

/**
 * Internal: the reads of `npm run dump` (src/dump/): the whole graph in pages, each page a keyset seek after the
 * last id of the one before, so memory stays bounded by the page size whatever the size of the graph, and no
 * statement reads more than one page. Rows are the stored property maps, unconverted (src/dump/ turns them into
 * data-file records).
 *
 * Each statement asks for a seek on the unique index on `id` (USING INDEX SEEK): otherwise the planner may read the
 * whole index in order and filter it (seen for the relationship page), so that every page would cost all the pages
 * before it.
 */
import type { QueryRunner } from '../db/query-runner.ts';

type Props = Record<string, unknown>;

/**
 * Takes: $after (an id, '' for the first page), $limit. Returns: the nodes of `label` (a label with a unique `id`)
 * by id, a range seek on that unique index, in its order.
 */
const nodePage = (label: 'Document' | 'Entity' | 'CuratedFact' | 'AuditEntry') => `
MATCH (n:${label})
USING INDEX SEEK n:${label}(id)
WHERE n.id > $after
RETURN properties(n) AS props
ORDER BY n.id
LIMIT toInteger($limit)`;

/**
 * Takes: $afterSource, $afterId ('' and '' for the first page), $limit. Returns: relationships ordered by source
 * entity id, then relationship id. Relationship ids have no index of their own; the source's id does, so the
 * planner reads sources in index order and sorts only the relationships of one source at a time (PartialTop):
 * a page reads its own rows and at most one source's relationships beyond them.
 */
const RELATIONSHIP_PAGE = `
MATCH (a:Entity)
USING INDEX SEEK a:Entity(id)
WHERE a.id >= $afterSource
MATCH (a)-[r]->(b:Entity)
WHERE a.id > $afterSource OR r.id > $afterId
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props
ORDER BY a.id, r.id
LIMIT toInteger($limit)`;

export type DumpedRelationship = {
  source: string;
  type: string;
  target: string;
  props: Props;
};

/** Pages of nodes of one label by id; each page's last id is where the next one starts. */
async function* nodePages(
  runner: QueryRunner,
  operation: string,
  statement: string,
  pageSize: number,
): AsyncGenerator<Props[]> {
  let after = '';
  for (;;) {
    const rows = await runner.read<{ props: Props }>(operation, statement, { after, limit: pageSize });
    if (rows.length === 0) return;
    yield rows.map((r) => r.props);
    if (rows.length < pageSize) return;
    after = String(rows[rows.length - 1]?.props['id']);
  }
}

/** Every Document node (text included), in pages of `pageSize`. */
export function documentPages(runner: QueryRunner, pageSize: number): AsyncGenerator<Props[]> {
  return nodePages(runner, 'dump.documents', nodePage('Document'), pageSize);
}

/** Every Entity node, in pages of `pageSize`. */
export function entityPages(runner: QueryRunner, pageSize: number): AsyncGenerator<Props[]> {
  return nodePages(runner, 'dump.entities', nodePage('Entity'), pageSize);
}

/** Every CuratedFact node, in pages of `pageSize`. */
export function curatedFactPages(runner: QueryRunner, pageSize: number): AsyncGenerator<Props[]> {
  return nodePages(runner, 'dump.curated-facts', nodePage('CuratedFact'), pageSize);
}

/** Every AuditEntry node, in pages of `pageSize`. */
export function auditEntryPages(runner: QueryRunner, pageSize: number): AsyncGenerator<Props[]> {
  return nodePages(runner, 'dump.audit-entries', nodePage('AuditEntry'), pageSize);
}

/** Every relationship between entities, in pages of `pageSize`, by source id and relationship id. */
export async function* relationshipPages(runner: QueryRunner, pageSize: number): AsyncGenerator<DumpedRelationship[]> {
  let afterSource = '';
  let afterId = '';
  for (;;) {
    const rows = await runner.read<DumpedRelationship>('dump.relationships', RELATIONSHIP_PAGE, {
      afterSource,
      afterId,
      limit: pageSize,
    });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    afterSource = String(last?.source);
    afterId = String(last?.props['id']);
  }
}

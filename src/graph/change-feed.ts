/**
 * Internal: the reads behind the change feed (src/subscriptions/): the audit log of curated writes in commit order,
 * by the graph version each write produced (src/store/graph-version.ts), which the `audit_entry_graph_version`
 * index serves in order. Every server replica reads the same log, so each delivers every change.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import type { StoredAuditEntry } from './audit-log.ts';

/** Takes: $afterVersion, $limit. Returns: the next entries after that version, oldest first (an index range seek). */
const ENTRIES_AFTER = `
MATCH (a:AuditEntry)
WHERE a.graphVersion > toInteger($afterVersion)
RETURN properties(a) AS entry
ORDER BY a.graphVersion
LIMIT toInteger($limit)`;

/** Returns: the newest entry's graph version (the index read backwards, one row), or none for an empty log. */
const NEWEST_VERSION = `
MATCH (a:AuditEntry)
WHERE a.graphVersion IS NOT NULL
RETURN a.graphVersion AS graphVersion
ORDER BY a.graphVersion DESC
LIMIT 1`;

/** Takes: $id. Returns: that entry's graph version, if the entry exists (a unique-constraint seek). */
const VERSION_OF_ENTRY = `
MATCH (a:AuditEntry {id: $id})
RETURN a.graphVersion AS graphVersion`;

/** At most `limit` entries written after graph version `afterVersion`, in commit order. */
export async function readEntriesAfter(
  runner: QueryRunner,
  afterVersion: number,
  limit: number,
): Promise<StoredAuditEntry[]> {
  const rows = await runner.read<{ entry: StoredAuditEntry }>('change-feed.entries', ENTRIES_AFTER, {
    afterVersion,
    limit,
  });
  return rows.map((row) => row.entry);
}

/** The graph version of the newest entry in the log; 0 when the log has none. */
export async function readNewestVersion(runner: QueryRunner): Promise<number> {
  const [row] = await runner.read<{ graphVersion: number }>('change-feed.head', NEWEST_VERSION);
  return row ? Number(row.graphVersion) : 0;
}

/**
 * The graph version of one entry: undefined when there is no such entry, null when it was written before the log
 * kept versions (so it has no place in the feed's order).
 */
export async function readVersionOfEntry(runner: QueryRunner, id: string): Promise<number | null | undefined> {
  const [row] = await runner.read<{ graphVersion: number | null }>('change-feed.position', VERSION_OF_ENTRY, { id });
  if (!row) return undefined;
  return row.graphVersion === null ? null : Number(row.graphVersion);
}

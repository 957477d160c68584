/**
 * Internal: reads of the audit log of curated writes (written by src/store/audit-entries.ts): one AuditEntry node
 * per write, with who, when, what, the input as given, the ids it touched, and its idempotency key.
 */
import type { QueryRunner } from '../db/query-runner.ts';

export type CurationAction = 'CREATE_ENTITY' | 'UPDATE_ENTITY' | 'LINK' | 'UNLINK';

export interface AuditEntryRow {
  id: string;
  /** ISO 8601, UTC, with milliseconds. */
  at: string;
  curator: string;
  action: CurationAction;
  input: Record<string, unknown>;
  touched: string[];
  idempotencyKey: string | null;
}

/** What is stored: the row, the input as JSON, and the digest of action and input that a retry must match. */
export interface StoredAuditEntry extends Omit<AuditEntryRow, 'input'> {
  inputJson: string;
  requestDigest: string;
  /**
   * The graph version the write produced (src/store/graph-version.ts): increasing in commit order, so the change
   * feed reads the log in that order. Absent on entries written before the log kept it.
   */
  graphVersion?: number;
}

/**
 * Takes: $subjectId (or null: all), $afterAt, $afterId (or null: from the newest), $beforeAt, $beforeId (or null:
 * to the oldest), $limit. The log is newest first, keyset pagination on (at, id): the entries older than the
 * `after` position and newer than the `before` one, from the newest (forward) or from the oldest (backward, for a
 * `last` page). With a subject, the entries are filtered by their `touched` list. `a.at IS NOT NULL` lets the
 * planner read the `at` index in order, so a page reads from one end of the log, not the whole label.
 */
const LIST_AUDIT_ENTRIES = (backward: boolean) => `
MATCH (a:AuditEntry)
WHERE a.at IS NOT NULL
  AND ($subjectId IS NULL OR $subjectId IN a.touched)
  AND ($afterAt IS NULL OR a.at < $afterAt OR (a.at = $afterAt AND a.id < $afterId))
  AND ($beforeAt IS NULL OR a.at > $beforeAt OR (a.at = $beforeAt AND a.id > $beforeId))
RETURN properties(a) AS entry
ORDER BY ${backward ? 'a.at, a.id' : 'a.at DESC, a.id DESC'}
LIMIT toInteger($limit)`;

/** Returns: how many entries the log holds, from the count store. */
const COUNT_AUDIT_ENTRIES = `
MATCH (a:AuditEntry)
RETURN count(a) AS total`;

/** Takes: $subjectId. Returns: how many entries touched it (a list property: every entry is checked). */
const COUNT_AUDIT_ENTRIES_OF_SUBJECT = `
MATCH (a:AuditEntry)
WHERE $subjectId IN a.touched
RETURN count(a) AS total`;

export function toAuditEntryRow(stored: StoredAuditEntry): AuditEntryRow {
  return {
    id: stored.id,
    at: stored.at,
    curator: stored.curator,
    action: stored.action,
    input: JSON.parse(stored.inputJson) as Record<string, unknown>,
    touched: stored.touched,
    idempotencyKey: stored.idempotencyKey ?? null,
  };
}

/** A position in the log: an entry's time and id. */
export interface AuditPosition {
  at: string;
  id: string;
}

/**
 * At most `limit` entries of the audit log between two positions, newest first (oldest first when `backward`),
 * and the total count.
 */
export async function listAuditEntries(
  runner: QueryRunner,
  window: {
    subjectId: string | null;
    after: AuditPosition | null;
    before: AuditPosition | null;
    backward: boolean;
    limit: number;
  },
): Promise<{ entries: AuditEntryRow[]; total: number }> {
  const { subjectId, after, before, backward, limit } = window;
  const rows = await runner.read<{ entry: StoredAuditEntry }>('curation.audit-log', LIST_AUDIT_ENTRIES(backward), {
    subjectId,
    afterAt: after?.at ?? null,
    afterId: after?.id ?? null,
    beforeAt: before?.at ?? null,
    beforeId: before?.id ?? null,
    limit,
  });
  const [count] =
    subjectId === null
      ? await runner.read<{ total: number }>('curation.audit-log-count', COUNT_AUDIT_ENTRIES)
      : await runner.read<{ total: number }>('curation.audit-log-count', COUNT_AUDIT_ENTRIES_OF_SUBJECT, {
          subjectId,
        });
  return { entries: rows.map((r) => toAuditEntryRow(r.entry)), total: count?.total ?? 0 };
}

/**
 * Internal: writes the audit log of curated writes. One AuditEntry node per write, created in the write's own
 * transaction (so there is never a write without its entry, nor an entry without its write): who, when, what, the
 * input as given, the ids it touched, and the idempotency key that makes a retry apply once. Reads of the log are
 * in src/graph/audit-log.ts.
 */
import type { Transaction } from '../db/query-runner.ts';
import { toAuditEntryRow, type AuditEntryRow, type StoredAuditEntry } from '../graph/audit-log.ts';

/** Takes: $entry (a StoredAuditEntry). */
const CREATE_AUDIT_ENTRY = 'CREATE (a:AuditEntry) SET a = $entry';

/** Takes: $key. Returns the entry written with this idempotency key, if any (a unique-constraint seek). */
const FIND_BY_IDEMPOTENCY_KEY = 'MATCH (a:AuditEntry {idempotencyKey: $key}) RETURN properties(a) AS entry';

/** `graphVersion`: the version the write bumped the graph to, which orders the log for the change feed. */
export async function createAuditEntry(
  tx: Transaction,
  entry: AuditEntryRow,
  requestDigest: string,
  graphVersion: number,
): Promise<AuditEntryRow> {
  const { input, ...rest } = entry;
  const stored: StoredAuditEntry = { ...rest, inputJson: JSON.stringify(input), requestDigest, graphVersion };
  await tx.run(CREATE_AUDIT_ENTRY, { entry: stored });
  return entry;
}

/**
 * The entry an idempotency key was first used with, and the digest of that request; null when unused. Read in the
 * write's transaction, so a retry and its first attempt cannot both write.
 */
export async function findByIdempotencyKey(
  tx: Transaction,
  key: string,
): Promise<{ entry: AuditEntryRow; requestDigest: string } | null> {
  const [row] = await tx.run<{ entry: StoredAuditEntry }>(FIND_BY_IDEMPOTENCY_KEY, { key });
  return row ? { entry: toAuditEntryRow(row.entry), requestDigest: row.entry.requestDigest } : null;
}

/**
 * Internal: how every curated write runs. In one write transaction: take the graph version's lock, look up the
 * idempotency key, apply the write (which validates before it writes anything), bump the graph version and create
 * its audit entry; any failure rolls all of it back, so a crash at any point leaves the graph and the audit log as
 * before the write.
 *
 * Curated writes run one after another: each takes the graph version's write lock first (every writer bumps that
 * node anyway, so they already queued on it at commit). Two writes therefore never wait for each other's entities
 * in opposite orders (no deadlock between a link a -> b and a link b -> a), and a write looks up its idempotency
 * key only after every earlier write has committed, so a client's retry that arrives while its first attempt is
 * still running waits for it and replays it.
 *
 * Idempotency: a key already used with the same action, input and curator returns that first write's audit entry
 * (`replayed: true`) and writes nothing; with anything else it is a CONFLICT. The unique constraint on
 * AuditEntry.idempotencyKey still holds should another writer bypass the lock; a constraint failure runs the write
 * again, to find the winner's entry. Two creates of one id meet the constraint on Entity.id.
 *
 * Transient failures (a deadlock with a concurrent import or generator batch, which take their locks in another
 * order) are retried: by the driver within its retry time, then here, with backoff, for up to RETRY_BUDGET_MS
 * and within the request's time budget. A database that cannot be reached is not retried here: that fails fast.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { QueryRunner, Transaction } from '../db/query-runner.ts';
import { BadUserInputError, ConflictError } from '../errors.ts';
import type { AuditEntryRow, CurationAction } from '../graph/audit-log.ts';
import { createAuditEntry, findByIdempotencyKey } from '../store/audit-entries.ts';
import { bumpGraphVersion, lockGraphVersion } from '../store/graph-version.ts';

export interface CuratedWriteRequest {
  curator: string;
  action: CurationAction;
  /** The mutation's input as given; stored in the audit entry. */
  input: Record<string, unknown>;
  idempotencyKey: string | null | undefined;
}

export interface CuratedWriteOutcome {
  audit: AuditEntryRow;
  replayed: boolean;
}

/** What a write does once validated; returns the ids it touched (the first is its subject). */
export type CuratedWork = (tx: Transaction, stamp: { curator: string; at: string }) => Promise<string[]>;

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
const CONSTRAINT_FAILED = 'Neo.ClientError.Schema.ConstraintValidationFailed';
/** Neo4j's codes of failures that another attempt can get past (deadlocks, lock clients stopped, ...). */
const TRANSIENT = /^Neo\.TransientError\./;
/** How long a curated write keeps trying past transient failures, beyond the driver's own retries. */
const RETRY_BUDGET_MS = 10_000;
const FIRST_PAUSE_MS = 25;
const MAX_PAUSE_MS = 1_000;

export async function runCuratedWrite(
  runner: QueryRunner,
  request: CuratedWriteRequest,
  work: CuratedWork,
): Promise<CuratedWriteOutcome> {
  const key = request.idempotencyKey ?? null;
  if (key !== null && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
    throw new BadUserInputError(
      'idempotencyKey',
      `'idempotencyKey' must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, got ${key.length}`,
    );
  }
  const digest = requestDigest(request);
  /** The Neo4j code of the last failure inside the transaction (the runner maps what it throws to public errors). */
  let failedWith: string | undefined;
  const attempt = () =>
    runner.writeTransaction(`curation.${request.action.toLowerCase()}`, async (tx) => {
      failedWith = undefined;
      try {
        return await applyOnce(tx, request, key, digest, work);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        failedWith = typeof code === 'string' ? code : undefined;
        throw error;
      }
    });

  const deadline = Date.now() + RETRY_BUDGET_MS;
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt();
    } catch (error) {
      const code = failedWith ?? (error as { code?: unknown }).code;
      // A concurrent write claimed the same idempotency key or entity id first: run again to see it.
      const again = code === CONSTRAINT_FAILED || (typeof code === 'string' && TRANSIENT.test(code));
      const pause = Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS * 2 ** retry) * (0.5 + Math.random() / 2);
      if (!again || Date.now() + pause > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/** One attempt, inside the write's transaction. */
async function applyOnce(
  tx: Transaction,
  request: CuratedWriteRequest,
  key: string | null,
  digest: string,
  work: CuratedWork,
): Promise<CuratedWriteOutcome> {
  await lockGraphVersion(tx);
  if (key !== null) {
    const earlier = await findByIdempotencyKey(tx, key);
    if (earlier !== null) {
      if (earlier.requestDigest !== digest) {
        throw new ConflictError(
          'idempotencyKey',
          `the idempotency key was already used (audit entry ${earlier.entry.id}) for a different write; use a new key for a new write`,
        );
      }
      return { audit: earlier.entry, replayed: true };
    }
  }
  const stamp = { curator: request.curator, at: new Date().toISOString() };
  const touched = await work(tx, stamp);
  const graphVersion = await bumpGraphVersion(tx);
  const audit = await createAuditEntry(
    tx,
    {
      id: randomUUID(),
      at: stamp.at,
      curator: request.curator,
      action: request.action,
      input: request.input,
      touched,
      idempotencyKey: key,
    },
    digest,
    graphVersion,
  );
  return { audit, replayed: false };
}

/** Digest of who asked for which action with which input (object keys sorted, so their order does not matter). */
function requestDigest({ curator, action, input }: CuratedWriteRequest): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical({ curator, action, input })))
    .digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/**
 * Internal: how every curated write runs. In one write transaction: look up the idempotency key, apply the write
 * (which validates before it writes anything), and create its audit entry; any failure rolls all of it back.
 *
 * Idempotency: a key already used with the same action, input and curator returns that first write's audit entry
 * (`replayed: true`) and writes nothing; with anything else it is a CONFLICT. Two concurrent first uses of one key
 * cannot both commit (unique constraint on AuditEntry.idempotencyKey): the loser runs again and finds the winner's.
 * Writes on one entity are serialised (src/store/lock-entity.ts); two creates of one id, by the constraint on
 * Entity.id.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { QueryRunner, Transaction } from '../db/query-runner.ts';
import { BadUserInputError, ConflictError } from '../errors.ts';
import type { AuditEntryRow, CurationAction } from '../graph/audit-log.ts';
import { createAuditEntry, findByIdempotencyKey } from '../store/audit-entries.ts';
import { bumpGraphVersion } from '../store/graph-version.ts';

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
  const attempt = () =>
    runner.writeTransaction(`curation.${request.action.toLowerCase()}`, async (tx) => {
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
    });
  try {
    return await attempt();
  } catch (error) {
    // A concurrent write claimed the same idempotency key or entity id first: run again to see it.
    if ((error as { code?: unknown }).code === CONSTRAINT_FAILED) return attempt();
    throw error;
  }
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

/**
 * Internal: the one place where Neo4j driver errors become client-facing errors.
 * - the database cannot be reached or used right now (unavailable, transient failures left after the driver's
 *   retries, connection pool exhausted or closed, credentials no longer accepted): DATABASE_UNAVAILABLE;
 * - a transaction ran out of time: DATABASE_TIMEOUT;
 * - a query needed more memory than allowed: LIMIT_EXCEEDED;
 * - a bookmark the client sent (Neo4j-Bookmark header, src/read-your-writes.ts) is not one Neo4j can read:
 *   BAD_REQUEST.
 * Anything else passes through unchanged, and formatError masks it as INTERNAL_SERVER_ERROR.
 */
import neo4j, { Neo4jError } from 'neo4j-driver';
import { AppError, DatabaseTimeoutError, DatabaseUnavailableError, ErrorCode, LimitExceededError } from '../errors.ts';

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

const BOOKMARK_CODES = new Set([
  'Neo.ClientError.Transaction.InvalidBookmark',
  'Neo.ClientError.Transaction.InvalidBookmarkMixture',
]);

export function mapNeo4jError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const { code, message } = error;
  if (TIMEOUT_CODES.has(code)) return new DatabaseTimeoutError();
  if (BOOKMARK_CODES.has(code)) {
    return new AppError(
      ErrorCode.BAD_REQUEST,
      'A bookmark the request sent (the Neo4j-Bookmark header) is not one this database issued; send the ' +
        'Neo4j-Bookmark of an earlier response as it came, or leave the header out.',
    );
  }
  if (/MemoryLimit|OutOfMemory/.test(code)) {
    return new LimitExceededError(
      'The query needed more memory than the database allows; ask for less (smaller pages, lower depth).',
    );
  }
  if (
    code === neo4j.error.SERVICE_UNAVAILABLE ||
    code === neo4j.error.SESSION_EXPIRED ||
    code.startsWith('Neo.TransientError.') ||
    code.startsWith('Neo.ClientError.Security.') ||
    Neo4jError.isRetriable(error) ||
    /acquisition timed out|pool is closed/i.test(message)
  ) {
    return new DatabaseUnavailableError();
  }
  return error;
}

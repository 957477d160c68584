/**
 * Internal: the one place where Neo4j driver errors become client-facing errors.
 * Unknown errors pass through unchanged, and formatError masks them as INTERNAL_SERVER_ERROR.
 */
import neo4j, { Neo4jError } from 'neo4j-driver';
import { DatabaseTimeoutError, DatabaseUnavailableError } from '../errors.ts';

export function mapNeo4jError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (error.code === neo4j.error.SERVICE_UNAVAILABLE || error.code === neo4j.error.SESSION_EXPIRED) {
    return new DatabaseUnavailableError();
  }
  if (
    error.code === 'Neo.ClientError.Transaction.TransactionTimedOut' ||
    error.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'
  ) {
    return new DatabaseTimeoutError();
  }
  return error;
}

/**
 * mapNeo4jError: which driver errors become which client error codes. The errors are built the way the driver
 * builds them (code and message); the integration tests show the same mapping against a real Neo4j.
 */
import neo4j, { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { mapNeo4jError } from '../../src/db/map-neo4j-error.ts';
import { AppError } from '../../src/errors.ts';

const driverError = (message: string, code: string) => new Neo4jError(message, code as never, '50N42', 'error');

describe('mapNeo4jError', () => {
  it.each([
    ['Could not perform discovery', neo4j.error.SERVICE_UNAVAILABLE, 'DATABASE_UNAVAILABLE'],
    ['Session expired', neo4j.error.SESSION_EXPIRED, 'DATABASE_UNAVAILABLE'],
    ['Database is unavailable', 'Neo.TransientError.General.DatabaseUnavailable', 'DATABASE_UNAVAILABLE'],
    ['Connection acquisition timed out in 10000 ms', 'N/A', 'DATABASE_UNAVAILABLE'],
    ['Pool is closed, it is no more able to serve requests.', 'N/A', 'DATABASE_UNAVAILABLE'],
    ['The client is unauthorized', 'Neo.ClientError.Security.Unauthorized', 'DATABASE_UNAVAILABLE'],
    ['Timed out', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'DATABASE_TIMEOUT'],
    ['Memory limit', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'LIMIT_EXCEEDED'],
    ['Memory limit', 'Neo.TransientError.General.TransactionMemoryLimit', 'LIMIT_EXCEEDED'],
  ])('%s (%s) -> %s', (message, code, expected) => {
    const mapped = mapNeo4jError(driverError(message, code));
    expect(mapped).toBeInstanceOf(AppError);
    expect((mapped as AppError).code).toBe(expected);
  });

  it('passes other errors through unchanged, to be masked as INTERNAL_SERVER_ERROR', () => {
    const syntax = driverError('Invalid input', 'Neo.ClientError.Statement.SyntaxError');
    expect(mapNeo4jError(syntax)).toBe(syntax);
    const plain = new Error('not from the driver');
    expect(mapNeo4jError(plain)).toBe(plain);
  });
});

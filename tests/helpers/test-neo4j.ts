/**
 * Test helper: the Neo4j server the global setup provides for this run, and ways to reach it.
 */
import { inject } from 'vitest';
import { pino } from 'pino';
import type { Config } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';

export interface ProvidedNeo4j {
  uri: string;
  user: string;
  password: string;
  /** Which of the three sources provided it: NEO4J_URI, testcontainers or the embedded launcher. */
  source: 'NEO4J_URI' | 'testcontainers' | 'embedded';
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: ProvidedNeo4j;
    /** Set by the api+second-document project (vitest.config.ts): import a second document beside the paper. */
    secondDocument?: boolean;
  }
}

export const silentLogger = pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });

export function providedNeo4j(): ProvidedNeo4j {
  return inject('neo4j');
}

function testDatabaseConfig(overrides: { uri?: string } = {}): Config['database'] {
  const neo4j = providedNeo4j();
  return {
    source: { kind: 'external', uri: overrides.uri ?? neo4j.uri, user: neo4j.user, password: neo4j.password },
    name: 'neo4j',
    startupTimeoutMs: 30_000,
    queryTimeoutMs: 30_000,
  };
}

export function openTestDatabase(overrides: { uri?: string } = {}): Promise<Database> {
  return openDatabase(testDatabaseConfig(overrides), silentLogger);
}

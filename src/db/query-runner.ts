/**
 * Internal: the one way the application talks to Neo4j.
 *
 * Every statement runs in a managed transaction (`executeRead` / `executeWrite`, so the driver retries transient
 * failures), on the configured database, with a timeout and metadata naming the application and operation; the
 * session is closed in `finally` and errors pass through mapNeo4jError. Records come back as plain objects with
 * integers as JavaScript numbers (the driver is created with disableLosslessIntegers).
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { mapNeo4jError } from './map-neo4j-error.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface QueryRunner {
  /** Runs a read-only statement; `operation` names it in Neo4j's query log and transaction listing. */
  read<T extends Row = Row>(operation: string, query: string, params?: Params): Promise<T[]>;
  write<T extends Row = Row>(operation: string, query: string, params?: Params): Promise<T[]>;
  /** Runs `work` in one write transaction: all its statements commit together or not at all. */
  writeTransaction<T>(operation: string, work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Counts round trips to the database since creation (statements run), for tests and benchmarks. */
  readonly statementCount: number;
  /** Adds an observer (metrics, tracing) of every statement and session; returns the function that removes it. */
  observe?(observer: QueryObserver): () => void;
}

/**
 * Watches the runner without the runner knowing what for (src/observability/ turns it into metrics and spans).
 * Observers must not throw; one that does is ignored.
 */
export interface QueryObserver {
  /** A statement starts; the returned function is called once when it ends, with the error if it failed. */
  statementStarted?(operation: string, mode: 'READ' | 'WRITE'): (error?: unknown) => void;
  /** A session opened (+1) or closed (-1): the number open is the connections in use or waited for. */
  sessionsChanged?(delta: 1 | -1): void;
}

export interface Transaction {
  run<T extends Row = Row>(query: string, params?: Params): Promise<T[]>;
}

export const APP_NAME = 'policy-knowledge-graph';

export function createQueryRunner(driver: Driver, database: string, timeoutMs: number): QueryRunner {
  let statementCount = 0;
  const observers = new Set<QueryObserver>();

  function notify(call: (observer: QueryObserver) => void): void {
    for (const observer of observers) {
      try {
        call(observer);
      } catch {
        // An observer's failure must never fail a query.
      }
    }
  }

  async function run<T extends Row>(
    tx: ManagedTransaction,
    operation: string,
    mode: 'READ' | 'WRITE',
    query: string,
    params: Params,
  ): Promise<T[]> {
    statementCount += 1;
    const ends: Array<(error?: unknown) => void> = [];
    notify((observer) => {
      const end = observer.statementStarted?.(operation, mode);
      if (end) ends.push(end);
    });
    try {
      const result = await tx.run(query, params);
      for (const end of ends) safely(() => end());
      return result.records.map((record) => record.toObject() as T);
    } catch (error) {
      for (const end of ends) safely(() => end(error));
      throw error;
    }
  }

  async function execute<T>(
    mode: 'READ' | 'WRITE',
    operation: string,
    work: (tx: ManagedTransaction) => Promise<T>,
  ): Promise<T> {
    const session = driver.session({ database, defaultAccessMode: mode === 'READ' ? 'READ' : 'WRITE' });
    const config = { timeout: timeoutMs, metadata: { app: APP_NAME, operation } };
    notify((observer) => observer.sessionsChanged?.(1));
    try {
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      try {
        await session.close();
      } finally {
        notify((observer) => observer.sessionsChanged?.(-1));
      }
    }
  }

  return {
    read: (operation, query, params = {}) =>
      execute('READ', operation, (tx) => run(tx, operation, 'READ', query, params)),
    write: (operation, query, params = {}) =>
      execute('WRITE', operation, (tx) => run(tx, operation, 'WRITE', query, params)),
    writeTransaction: (operation, work) =>
      execute('WRITE', operation, (tx) =>
        work({ run: (query, params = {}) => run(tx, operation, 'WRITE', query, params) }),
      ),
    get statementCount() {
      return statementCount;
    },
    observe(observer) {
      observers.add(observer);
      return () => observers.delete(observer);
    },
  };
}

function safely(call: () => void): void {
  try {
    call();
  } catch {
    // See QueryObserver: observers must not throw.
  }
}

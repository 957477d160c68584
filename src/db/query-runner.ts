/**
 * Internal: the one way the application talks to Neo4j.
 *
 * A read runs as an auto-commit transaction (`session.run`: one round trip, where a managed transaction adds BEGIN
 * and COMMIT; the scale benchmark measured 2.6 times the throughput for a trivial read under load), retried here on
 * transient failures within its time budget; writes and `writeTransaction` run in managed transactions
 * (`executeWrite`, so the driver retries them). Every statement runs on the configured database, with a timeout and
 * metadata naming the application and operation; the session is closed in `finally` and errors pass through
 * mapNeo4jError. Observers (src/observability/) see every statement and session. Records come back as plain
 * objects with integers as JavaScript numbers (the driver is created with disableLosslessIntegers).
 *
 * Every session of the runner shares one bookmark manager, so a read follows every write this process has
 * committed, even on a Neo4j cluster where it may go to a follower (causal consistency within a process). Across
 * processes (several server replicas), a call may pass the bookmarks a client brought (StatementOptions.bookmarks)
 * and learns those its write left (StatementOptions.onBookmarks).
 */
import { bookmarkManager, Neo4jError, type Driver, type ManagedTransaction, type Plan } from 'neo4j-driver';
import { mapNeo4jError } from './map-neo4j-error.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Per-call settings; a request's time budget passes its remaining time here, its bookmarks (request-bookmarks.ts). */
export interface StatementOptions {
  /** Transaction timeout for this call; the runner uses the smaller of this and its own. */
  timeoutMs?: number;
  /**
   * Bookmarks the statement's session waits for besides the process's own: a client's earlier write, perhaps on
   * another server replica. Neo4j starts the transaction once it has applied them (on a cluster, a follower waits).
   */
  bookmarks?: readonly string[];
  /** Called with the session's bookmarks once a write (or write transaction) has committed. */
  onBookmarks?: (bookmarks: string[]) => void;
}

export interface QueryRunner {
  /** Runs a read-only statement; `operation` names it in Neo4j's query log and transaction listing. */
  read<T extends Row = Row>(
    operation: string,
    query: string,
    params?: Params,
    options?: StatementOptions,
  ): Promise<T[]>;
  write<T extends Row = Row>(
    operation: string,
    query: string,
    params?: Params,
    options?: StatementOptions,
  ): Promise<T[]>;
  /** Runs `work` in one write transaction: all its statements commit together or not at all. */
  writeTransaction<T>(operation: string, work: (tx: Transaction) => Promise<T>, options?: StatementOptions): Promise<T>;
  /** The plan Neo4j would use for a statement (EXPLAIN: nothing runs), for tests that hold hot statements to indexes. */
  explain(operation: string, query: string, params?: Params): Promise<PlanOperator>;
  /** Counts round trips to the database since creation (statements run), for tests and benchmarks. */
  readonly statementCount: number;
  /** The bookmarks of the latest writes this runner's sessions committed (what its reads wait for on a cluster). */
  bookmarks?(): Promise<string[]>;
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

/** A node of an execution plan: the operator (e.g. NodeIndexSeek, AllNodesScan) and its inputs. */
export interface PlanOperator {
  operator: string;
  /** Plan details as Neo4j gives them (e.g. the index used), for messages. */
  details: string;
  children: PlanOperator[];
}

export interface Transaction {
  run<T extends Row = Row>(query: string, params?: Params): Promise<T[]>;
}

const APP_NAME = 'policy-knowledge-graph';

export function createQueryRunner(driver: Driver, database: string, timeoutMs: number): QueryRunner {
  let statementCount = 0;
  const bookmarks = bookmarkManager();
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

  /** Runs one statement, counted and shown to the observers; its records as plain objects. */
  async function observed<T extends Row>(
    operation: string,
    mode: 'READ' | 'WRITE',
    statement: () => Promise<{ records: Array<{ toObject(): object }> }>,
  ): Promise<T[]> {
    statementCount += 1;
    const ends: Array<(error?: unknown) => void> = [];
    notify((observer) => {
      const end = observer.statementStarted?.(operation, mode);
      if (end) ends.push(end);
    });
    try {
      const result = await statement();
      for (const end of ends) safely(() => end());
      return result.records.map((record) => record.toObject() as T);
    } catch (error) {
      for (const end of ends) safely(() => end(error));
      throw error;
    }
  }

  function run<T extends Row>(
    tx: ManagedTransaction,
    operation: string,
    mode: 'READ' | 'WRITE',
    query: string,
    params: Params,
  ): Promise<T[]> {
    return observed<T>(operation, mode, () => tx.run(query, params));
  }

  /** A read in an auto-commit transaction, tried again (at most twice) on a transient failure while time is left. */
  async function autoCommitRead<T extends Row>(
    operation: string,
    query: string,
    params: Params,
    options: StatementOptions = {},
  ): Promise<T[]> {
    const deadline = Date.now() + Math.min(timeoutMs, options.timeoutMs ?? timeoutMs);
    for (let attempt = 1; ; attempt += 1) {
      const session = driver.session({
        database,
        defaultAccessMode: 'READ',
        bookmarkManager: bookmarks,
        ...bookmarksOf(options),
      });
      notify((observer) => observer.sessionsChanged?.(1));
      // Neo4j reads a timeout of 0 as "none": never pass less than 1 ms.
      const timeout = Math.max(1, Math.ceil(deadline - Date.now()));
      try {
        return await observed<T>(operation, 'READ', () =>
          session.run(query, params, { timeout, metadata: { app: APP_NAME, operation } }),
        );
      } catch (error) {
        const again =
          attempt < 3 && error instanceof Neo4jError && error.retryable && Date.now() + 100 * attempt < deadline;
        if (!again) throw mapNeo4jError(error);
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      } finally {
        try {
          await session.close();
        } finally {
          notify((observer) => observer.sessionsChanged?.(-1));
        }
      }
    }
  }

  async function execute<T>(
    mode: 'READ' | 'WRITE',
    operation: string,
    work: (tx: ManagedTransaction) => Promise<T>,
    options: StatementOptions = {},
  ): Promise<T> {
    const session = driver.session({
      database,
      defaultAccessMode: mode === 'READ' ? 'READ' : 'WRITE',
      bookmarkManager: bookmarks,
      ...bookmarksOf(options),
    });
    // Neo4j reads a timeout of 0 as "none": never pass less than 1 ms.
    const timeout = Math.max(1, Math.ceil(Math.min(timeoutMs, options.timeoutMs ?? timeoutMs)));
    const config = { timeout, metadata: { app: APP_NAME, operation } };
    notify((observer) => observer.sessionsChanged?.(1));
    try {
      if (mode === 'READ') return await session.executeRead(work, config);
      const result = await session.executeWrite(work, config);
      options.onBookmarks?.(session.lastBookmarks());
      return result;
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
    read: (operation, query, params = {}, options) => autoCommitRead(operation, query, params, options),
    write: (operation, query, params = {}, options) =>
      execute('WRITE', operation, (tx) => run(tx, operation, 'WRITE', query, params), options),
    explain: (operation, query, params = {}) =>
      execute('READ', operation, async (tx) => {
        const result = await tx.run(`EXPLAIN ${query}`, params);
        if (!result.summary.plan) throw new Error(`Neo4j returned no plan for ${operation}`);
        return toPlanOperator(result.summary.plan);
      }),
    writeTransaction: (operation, work, options) =>
      execute(
        'WRITE',
        operation,
        (tx) => work({ run: (query, params = {}) => run(tx, operation, 'WRITE', query, params) }),
        options,
      ),
    get statementCount() {
      return statementCount;
    },
    bookmarks: async () => [...(await bookmarks.getBookmarks())],
    observe(observer) {
      observers.add(observer);
      return () => observers.delete(observer);
    },
  };
}

/** The session setting for the bookmarks a call brings, none when it brings none. */
function bookmarksOf(options: StatementOptions): { bookmarks?: string[] } {
  return options.bookmarks && options.bookmarks.length > 0 ? { bookmarks: [...options.bookmarks] } : {};
}

function toPlanOperator(plan: Plan): PlanOperator {
  const details = plan.arguments['Details'];
  return {
    operator: plan.operatorType.replace(/@.*$/, ''),
    details: typeof details === 'string' ? details : '',
    children: plan.children.map(toPlanOperator),
  };
}

function safely(call: () => void): void {
  try {
    call();
  } catch {
    // See QueryObserver: observers must not throw.
  }
}

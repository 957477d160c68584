/**
 * Internal: one operation's share of the request limits, its deadline and its count of database statements, and
 * the query runner view that spends them. createContext makes one per request: every statement the request's
 * resolvers and loaders run counts against the cap, and gets at most the time left as its transaction timeout, so
 * the time budget holds for the whole operation, not only per statement (waiting for admission included).
 * `client` names who the operation is charged to (the rate limit's client key), for fair queueing.
 */
import type { Params, QueryRunner, Row, StatementOptions } from '../db/query-runner.ts';
import { DatabaseTimeoutError, LimitExceededError } from '../errors.ts';
import type { RequestLimits } from '../request-limits.ts';

const ASK_FOR_LESS = 'ask for less (smaller pages, lower depth or limit, fewer aliases)';

export class RequestBudget {
  /** performance.now() at which the operation's time is up. */
  readonly deadline: number;
  private statements = 0;

  constructor(
    private readonly limits: Pick<RequestLimits, 'timeBudgetMs' | 'maxStatements'>,
    startedAt: number = performance.now(),
    /** The client the operation is charged to (src/rate-limit.ts clientOf); its turn in the admission queue. */
    readonly client: string = 'unknown',
  ) {
    this.deadline = startedAt + limits.timeBudgetMs;
  }

  /** Milliseconds left; zero or less once the time budget is spent. */
  remainingMs(): number {
    return this.deadline - performance.now();
  }

  /** The error for an operation out of time. */
  timeExceeded(): LimitExceededError {
    return new LimitExceededError(
      `The operation took longer than its time budget of ${this.limits.timeBudgetMs} ms; ${ASK_FOR_LESS}.`,
    );
  }

  /** Throws LIMIT_EXCEEDED when the time budget is spent. */
  checkTime(): void {
    if (this.remainingMs() <= 0) throw this.timeExceeded();
  }

  /** Spends one statement; throws LIMIT_EXCEEDED when the time or the statement cap is used up. */
  spendStatement(): void {
    this.checkTime();
    this.statements += 1;
    if (this.statements > this.limits.maxStatements) {
      throw new LimitExceededError(
        `The operation needed more than ${this.limits.maxStatements} database statements, the limit per request; ${ASK_FOR_LESS}.`,
      );
    }
  }

  /** The statement options for the next statement: the caller's timeout, cut to the time left. */
  statementOptions(options: StatementOptions = {}): StatementOptions {
    const remaining = this.remainingMs();
    return { timeoutMs: Math.min(options.timeoutMs ?? remaining, remaining) };
  }

  /** A transaction timeout caused by the budget (not by the statement timeout) becomes LIMIT_EXCEEDED. */
  mapError(error: unknown): unknown {
    return error instanceof DatabaseTimeoutError && this.remainingMs() <= 0 ? this.timeExceeded() : error;
  }
}

/** `runner` as seen by one request: each statement spends from `budget`. */
export function budgetedRunner(runner: QueryRunner, budget: RequestBudget): QueryRunner {
  const spend = async <T>(work: (options: StatementOptions) => Promise<T>, options?: StatementOptions) => {
    budget.spendStatement();
    try {
      return await work(budget.statementOptions(options));
    } catch (error) {
      throw budget.mapError(error);
    }
  };
  return {
    read: <T extends Row>(operation: string, query: string, params?: Params, options?: StatementOptions) =>
      spend((o) => runner.read<T>(operation, query, params, o), options),
    write: <T extends Row>(operation: string, query: string, params?: Params, options?: StatementOptions) =>
      spend((o) => runner.write<T>(operation, query, params, o), options),
    writeTransaction: async (operation, work, options) => {
      // The transaction has one timeout; each statement in it counts against the cap.
      budget.checkTime();
      try {
        return await runner.writeTransaction(
          operation,
          (tx) =>
            work({
              run: (query, params) => {
                budget.spendStatement();
                return tx.run(query, params);
              },
            }),
          budget.statementOptions(options),
        );
      } catch (error) {
        throw budget.mapError(error);
      }
    },
    explain: (operation, query, params) => spend(() => runner.explain(operation, query, params)),
    get statementCount() {
      return runner.statementCount;
    },
  };
}

/**
 * Test helper: a QueryRunner wrapper that records every read it runs (operation name, statement text and
 * parameters), so tests can show the Cypher a query becomes (snapshots) and EXPLAIN it.
 */
import type { QueryRunner } from '../../src/db/query-runner.ts';

export interface RecordedStatement {
  operation: string;
  query: string;
  params: Record<string, unknown>;
}

export class StatementRecorder {
  private recorded: RecordedStatement[] = [];

  /** The runner, recording its reads here. */
  wrap(runner: QueryRunner): QueryRunner {
    return {
      read: (operation, query, params = {}, options) => {
        this.recorded.push({ operation, query, params });
        return runner.read(operation, query, params, options);
      },
      write: (operation, query, params, options) => runner.write(operation, query, params, options),
      writeTransaction: (operation, work, options) => runner.writeTransaction(operation, work, options),
      explain: (operation, query, params) => runner.explain(operation, query, params),
      get statementCount() {
        return runner.statementCount;
      },
    };
  }

  /** The reads recorded since the last call, in the order they started. */
  take(): RecordedStatement[] {
    const taken = this.recorded;
    this.recorded = [];
    return taken;
  }
}

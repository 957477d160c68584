/**
 * Internal: what the command-line tools share: configuration, the database (NEO4J_URI or the embedded Neo4j),
 * the graph schema, and one-paragraph errors with exit status 1.
 */
import { BATCH_DRIVER_LIMITS, loadConfig, ConfigError } from '../config.ts';
import { applySchema } from '../db/apply-schema.ts';
import { openDatabase } from '../db/database.ts';
import type { QueryRunner } from '../db/query-runner.ts';
import { StartupError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import { DataValidationError } from '../store/data-problem.ts';

const BATCH_QUERY_TIMEOUT_MS = 10 * 60_000;

export async function runWithDatabase(work: (runner: QueryRunner) => Promise<void>): Promise<void> {
  try {
    const config = loadConfig();
    // Batch work waits for Neo4j patiently; the server's fail-fast budgets are for requests. A load's transaction
    // (a generator batch, a seed) may take minutes on a busy machine, so it gets at least BATCH_QUERY_TIMEOUT_MS.
    const database = await openDatabase(
      {
        ...config.database,
        queryTimeoutMs: Math.max(config.database.queryTimeoutMs, BATCH_QUERY_TIMEOUT_MS),
        driverLimits: BATCH_DRIVER_LIMITS,
      },
      createLogger(config.logLevel),
    );
    try {
      await applySchema(database.runner);
      await work(database.runner);
    } finally {
      await database.close();
    }
  } catch (error) {
    exitWithError(error);
  }
}

export function exitWithError(error: unknown): never {
  if (error instanceof DataValidationError || error instanceof StartupError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Failed unexpectedly: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
}

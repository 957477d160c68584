/**
 * Internal: what the command-line tools share: configuration, the database (NEO4J_URI, the embedded Neo4j of a
 * server running on the same data folder, or an embedded Neo4j of their own), the graph schema, and one-paragraph
 * errors with exit status 1.
 */
import { BATCH_DRIVER_LIMITS, loadConfig, ConfigError, type Config } from '../config.ts';
import { applySchema } from '../db/apply-schema.ts';
import { connectionFilePath, readConnection } from '../db/connection-file.ts';
import { openDatabase } from '../db/database.ts';
import type { QueryRunner } from '../db/query-runner.ts';
import { StartupError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import { DataValidationError } from '../store/data-problem.ts';
import { storeMissingDegrees } from '../store/entity-degrees.ts';

const BATCH_QUERY_TIMEOUT_MS = 10 * 60_000;

export async function runWithDatabase(work: (runner: QueryRunner) => Promise<void>): Promise<void> {
  try {
    const config = loadConfig();
    // Batch work waits for Neo4j patiently; the server's fail-fast budgets are for requests. A load's transaction
    // (a generator batch, a seed) may take minutes on a busy machine, so it gets at least BATCH_QUERY_TIMEOUT_MS.
    const database = await openDatabase(
      {
        ...config.database,
        source: runningServerSource(config.database.source),
        queryTimeoutMs: Math.max(config.database.queryTimeoutMs, BATCH_QUERY_TIMEOUT_MS),
        driverLimits: BATCH_DRIVER_LIMITS,
      },
      createLogger(config.logLevel),
    );
    try {
      await applySchema(database.runner);
      await storeMissingDegrees(database.runner);
      await work(database.runner);
    } finally {
      await database.close();
    }
  } catch (error) {
    exitWithError(error);
  }
}

/**
 * A server running on the embedded data folder holds it locked: use its Neo4j over Bolt, with the credentials it
 * published (src/db/connection-file.ts). Otherwise the source as configured.
 */
function runningServerSource(source: Config['database']['source']): Config['database']['source'] {
  if (source.kind !== 'embedded') return source;
  const running = readConnection(source.dataDir);
  if (running === undefined) return source;
  process.stderr.write(
    `Using the Neo4j of the server running on ${source.dataDir} (process ${running.serverPid}, ${running.uri}; ` +
      `from ${connectionFilePath(source.dataDir)}).\n`,
  );
  return { kind: 'external', uri: running.uri, user: running.user, password: running.password };
}

export function exitWithError(error: unknown): never {
  if (error instanceof DataValidationError || error instanceof StartupError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Failed unexpectedly: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
}

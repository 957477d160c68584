/**
 * The server's entry point (`npm start`): configuration -> database -> graph schema -> seed (when empty) -> HTTP.
 * Ctrl-C or SIGTERM drains HTTP, closes the driver and stops the embedded Neo4j; start-up failures print one
 * paragraph and exit with status 1, leaving nothing running.
 */
import type { Logger } from 'pino';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { applySchema } from './db/apply-schema.ts';
import { openDatabase, type Database } from './db/database.ts';
import { StartupError } from './errors.ts';
import { createLogger } from './logger.ts';
import { isGraphEmpty, listDataFiles, loadGraph } from './seed/load-graph.ts';
import { DataValidationError } from './seed/data-problem.ts';
import { GRAPHQL_PATH, PLAYGROUND_PATH, startServer, type RunningServer } from './server.ts';

let database: Database | undefined;
let server: RunningServer | undefined;
let stopping: Promise<void> | undefined;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    return fail(error);
  }
  const logger = createLogger(config.logLevel);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stop(logger, signal));
  }

  try {
    database = await openDatabase(config.database, logger);
    await applySchema(database.runner);
    if (config.seedOnStart && (await isGraphEmpty(database.runner))) {
      const summary = await loadGraph(database.runner, listDataFiles());
      logger.info(summary, 'seeded the empty database from data/');
    }
    server = await listen(config, database, logger);
  } catch (error) {
    await database?.close().catch(() => undefined);
    return fail(error);
  }
  if (stopping) return;

  logger.info(`database: ${database.uri}${database.embedded ? ' (embedded Neo4j)' : ''}`);
  logger.info(`GraphQL endpoint: ${server.url}${GRAPHQL_PATH}`);
  logger.info(`GraphiQL playground: ${server.url}${PLAYGROUND_PATH}`);
  logger.info(`health: ${server.url}/health/live and ${server.url}/health/ready`);
}

async function listen(config: Config, db: Database, logger: Logger): Promise<RunningServer> {
  try {
    return await startServer(
      { runner: db.runner, pingDatabase: db.ping, logger, development: config.environment === 'development' },
      config.http.host,
      config.http.port,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new StartupError(
        `Cannot listen on ${config.http.host}:${config.http.port} (${code}): the port is taken or not allowed. ` +
          'Choose another with PORT (and HOST for the interface).',
      );
    }
    throw error;
  }
}

function stop(logger: Logger, signal: string): Promise<void> {
  stopping ??= (async () => {
    logger.info(`${signal} received: draining HTTP, then stopping the database`);
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 45 s; exiting anyway');
      process.exit(1);
    }, 45_000);
    force.unref();
    await server?.stop();
    await database?.close();
    logger.info('stopped');
    process.exit(0);
  })();
  return stopping;
}

function fail(error: unknown): void {
  if (error instanceof StartupError || error instanceof ConfigError || error instanceof DataValidationError) {
    process.stderr.write(`Start-up failed: ${error.message}\n`);
  } else {
    process.stderr.write(`Start-up failed unexpectedly: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
}

void main();

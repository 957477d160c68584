/**
 * The server's entry point (`npm start`): configuration -> database -> graph schema -> seed (when empty) -> HTTP.
 *
 * Lifecycle contract:
 * - Ctrl-C or SIGTERM drains HTTP (stops accepting; every request already accepted gets its full answer), closes the driver and stops the embedded Neo4j, then exits 0; during start-up
 *   it stops whatever was started and exits 128 + the signal number.
 * - A start-up failure prints one paragraph and exits 1, leaving nothing running.
 * - If the embedded Neo4j dies while serving, the server logs why and shuts down with status 1.
 * - While it serves on the embedded Neo4j, `connection.json` in the data folder (mode 0600) says where that Neo4j
 *   listens and how to log in, so `npm run import` and `npm run dump` work beside it (src/db/connection-file.ts).
 */
import './default-node-env.ts';
import { constants } from 'node:os';
import type { Logger } from 'pino';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { applySchema } from './db/apply-schema.ts';
import { publishConnection } from './db/connection-file.ts';
import { openDatabase, type Database } from './db/database.ts';
import { StartupError } from './errors.ts';
import { assertExplorerBuilt } from './explorer-page/explorer-bundle.ts';
import { createLogger } from './logger.ts';
import { ProjectionMeasures } from './measures/projection-measures.ts';
import { startTracing, type Tracing } from './observability/tracing.ts';
import { DataValidationError } from './store/data-problem.ts';
import { storeMissingDegrees } from './store/entity-degrees.ts';
import { isGraphEmpty } from './graph/is-graph-empty.ts';
import { listDataFiles, loadGraph } from './seed/load-graph.ts';
import {
  EXPLORER_PATH,
  GRAPHQL_PATH,
  METRICS_PATH,
  PLAYGROUND_PATH,
  startServer,
  type RunningServer,
} from './server.ts';

const FORCED_EXIT_MS = 45_000;

const startup = new AbortController();
let starting: Promise<void> | undefined;
let database: Database | undefined;
let server: RunningServer | undefined;
let tracing: Tracing | undefined;
/** Removes the connection file that lets the command-line tools use the embedded Neo4j (src/db/connection-file.ts). */
let unpublish: (() => void) | undefined;
let stopping: Promise<void> | undefined;

function main(): void {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    return fail(error);
  }
  const logger = createLogger(config.logLevel);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void shutDown(logger, signal, server ? 0 : 128 + constants.signals[signal]));
  }
  starting = start(config, logger).catch((error: unknown) => {
    if (!startup.signal.aborted) fail(error);
  });
}

async function start(config: Config, logger: Logger): Promise<void> {
  // `npm run build` made the bundle (`npm start` runs it first); a missing one fails here, before anything starts.
  assertExplorerBuilt();
  try {
    tracing = await startTracing(config.tracing);
    if (config.tracing) logger.info('OpenTelemetry tracing is on (OTLP over HTTP)');
    database = await openDatabase(config.database, logger, {
      signal: startup.signal,
      onEmbeddedExit: (description) => {
        logger.fatal(description);
        void shutDown(logger, 'the embedded Neo4j exited', 1);
      },
    });
    if (config.database.source.kind === 'embedded' && database.embeddedNeo4j) {
      const { uri, user, password, pid } = database.embeddedNeo4j;
      unpublish = publishConnection(config.database.source.dataDir, {
        uri,
        user,
        password,
        serverPid: process.pid,
        neo4jPid: pid,
      });
    }
    await applySchema(database.runner);
    const degrees = await storeMissingDegrees(database.runner);
    if (degrees > 0) logger.info(`stored the degree of ${degrees} entities written without one`);
    if (config.seedOnStart && (await isGraphEmpty(database.runner))) {
      const summary = await loadGraph(database.runner, listDataFiles());
      logger.info(summary, 'seeded the empty database from data/');
    }
    if (startup.signal.aborted) return;
    server = await listen(config, database, logger);
  } catch (error) {
    unpublish?.();
    await database?.close().catch(() => undefined);
    throw error;
  }

  logger.info(`database: ${database.uri}${database.embedded ? ' (embedded Neo4j)' : ''}`);
  logger.info(`GraphQL endpoint: ${server.url}${GRAPHQL_PATH}`);
  logger.info(`GraphiQL playground: ${server.url}${PLAYGROUND_PATH}`);
  logger.info(`graph explorer: ${server.url}${EXPLORER_PATH}`);
  logger.info(`health: ${server.url}/health/live and ${server.url}/health/ready`);
  logger.info(`metrics: ${server.url}${METRICS_PATH}`);
}

async function listen(config: Config, db: Database, logger: Logger): Promise<RunningServer> {
  try {
    return await startServer(
      {
        runner: db.runner,
        pingDatabase: db.ping,
        logger,
        development: config.environment === 'development',
        limits: config.limits,
        ...(tracing?.tracer ? { tracer: tracing.tracer } : {}),
        ...(config.database.driverLimits ? { maxPoolSize: config.database.driverLimits.maxPoolSize } : {}),
        apiKeys: config.apiKeys,
        corsOrigins: config.corsOrigins,
        getCacheMaxAgeSeconds: config.getCacheMaxAgeSeconds,
        measures: new ProjectionMeasures(config.analyticsMaxRelationships, { logger }),
        rateLimit: config.rateLimit,
        trustProxy: config.trustProxy,
      },
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

/** Stops everything once, whatever asked first (a signal, or the database dying), then exits with `exitCode`. */
function shutDown(logger: Logger, reason: string, exitCode: number): Promise<void> {
  stopping ??= (async () => {
    const force = setTimeout(() => {
      logger.error(`shutdown took longer than ${FORCED_EXIT_MS / 1000} s; exiting anyway`);
      process.exit(1);
    }, FORCED_EXIT_MS);
    force.unref();
    if (server) {
      logger.info(`${reason}: draining HTTP, then stopping the database`);
    } else {
      logger.info(`${reason} during start-up: stopping what was started`);
      startup.abort();
      await starting;
    }
    await server?.stop().catch((error: unknown) => logger.error({ err: error }, 'stopping HTTP failed'));
    unpublish?.();
    await database?.close().catch((error: unknown) => logger.error({ err: error }, 'closing the database failed'));
    await tracing?.shutdown().catch((error: unknown) => logger.error({ err: error }, 'stopping tracing failed'));
    logger.info('stopped');
    process.exit(exitCode);
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

main();

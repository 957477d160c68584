/**
 * Internal: provides the database the configuration asks for and hands out its query runner.
 *
 * One code path (neo4j-driver over Bolt) for every source: NEO4J_URI as it is, or the embedded Neo4j started
 * here (which `close` stops again).
 */
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { connectDriver } from './connect-driver.ts';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded-neo4j.ts';
import { createQueryRunner, type QueryRunner } from './query-runner.ts';

export interface Database {
  runner: QueryRunner;
  /** Where the data lives, for logs: the Bolt URI and whether this process started the server. */
  uri: string;
  embedded: boolean;
  /** The embedded Neo4j this process started: its credentials and process id (src/db/connection-file.ts). */
  embeddedNeo4j?: { uri: string; user: string; password: string; pid: number };
  /** Resolves when the database answers a query; rejects otherwise (readiness checks). */
  ping(): Promise<void>;
  /** Closes the driver, then stops the embedded Neo4j if this process started it. Safe to call twice. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Aborting it during start-up stops what was started and rejects. */
  signal?: AbortSignal;
  /** Called if the embedded Neo4j dies after start-up (the database is gone: the caller should shut down). */
  onEmbeddedExit?: (description: string) => void;
}

export async function openDatabase(
  config: Config['database'],
  logger: Logger,
  options: OpenOptions = {},
): Promise<Database> {
  const { source } = config;
  let embedded: EmbeddedNeo4j | undefined;
  let uri: string;
  let user: string;
  let password: string;

  if (source.kind === 'external') {
    ({ uri, user, password } = source);
  } else {
    embedded = await startEmbeddedNeo4j({
      ...source,
      startupTimeoutMs: config.startupTimeoutMs,
      logger,
      signal: options.signal,
      onUnexpectedExit: options.onEmbeddedExit,
    });
    ({ uri, user, password } = embedded);
  }

  let driver;
  try {
    driver = await connectDriver({
      uri,
      user,
      password,
      database: config.name,
      deadlineMs: config.startupTimeoutMs,
      addressSetting: embedded ? 'the embedded server, NEO4J_EMBEDDED_PORT' : 'NEO4J_URI',
      ...(config.driverLimits ? { limits: config.driverLimits } : {}),
    });
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const runner = createQueryRunner(driver, config.name, config.queryTimeoutMs);

  let closed: Promise<void> | undefined;
  return {
    runner,
    uri,
    embedded: embedded !== undefined,
    ...(embedded ? { embeddedNeo4j: { uri, user, password, pid: embedded.pid } } : {}),
    ping: async () => {
      await driver.verifyConnectivity({ database: config.name });
    },
    close: () => {
      closed ??= (async () => {
        await driver.close();
        await embedded?.stop();
      })();
      return closed;
    },
  };
}

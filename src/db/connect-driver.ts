/**
 * Internal: creates the neo4j-driver Driver for a Bolt URI and waits until the server answers.
 *
 * Contract: resolves with a driver that has passed `verifyConnectivity` against the named database, or rejects
 * within the deadline with a StartupError naming the setting and the address (the driver is closed first).
 * `bolt://` reaches one server; `neo4j://` and `neo4j+s://` use the routing driver (clusters, Aura).
 */
import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import { DEFAULT_DRIVER_LIMITS, type DriverLimits } from '../config.ts';
import { StartupError } from '../errors.ts';

export interface ConnectOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  deadlineMs: number;
  /** Which setting holds the address, for messages: NEO4J_URI, or the embedded server's. */
  addressSetting: string;
  /** Fail-fast budgets while serving; DEFAULT_DRIVER_LIMITS when absent. */
  limits?: DriverLimits;
}

const RETRY_PAUSE_MS = 500;

export async function connectDriver(options: ConnectOptions): Promise<Driver> {
  const started = Date.now();
  const deadline = started + options.deadlineMs;
  const limits = options.limits ?? DEFAULT_DRIVER_LIMITS;
  const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    disableLosslessIntegers: true,
    // The same budgets serve start-up (each attempt is short, the loop below retries until the deadline) and
    // serving: with Neo4j gone, a request fails after about connectionTimeout + maxTransactionRetryTime instead
    // of the driver's 30-s defaults, and succeeds again once Neo4j is back (the pool reconnects by itself).
    connectionTimeout: Math.min(limits.connectionTimeoutMs, options.deadlineMs),
    connectionAcquisitionTimeout: limits.acquisitionTimeoutMs,
    maxTransactionRetryTime: limits.retryTimeMs,
    maxConnectionPoolSize: limits.maxPoolSize,
    userAgent: 'policy-knowledge-graph/0.1',
  });

  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await driver.verifyConnectivity({ database: options.database });
      return driver;
    } catch (error) {
      lastError = error;
      if (!isWorthRetrying(error)) break;
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
    }
  }
  await driver.close();
  throw describeConnectFailure(lastError, options, Date.now() - started);
}

/**
 * A server still starting refuses connections, times out or says the database is not yet available: try again.
 * Client errors (bad credentials, unknown database) never improve by waiting.
 */
function isWorthRetrying(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return true;
  return error.retriable || !error.code.startsWith('Neo.ClientError.');
}

function describeConnectFailure(error: unknown, options: ConnectOptions, elapsedMs: number): StartupError {
  const where = `Neo4j at ${options.uri} (${options.addressSetting})`;
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const code = error instanceof Neo4jError ? error.code : '';
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new StartupError(
      `${where} refused the credentials of user '${options.user}': ${detail}. Check NEO4J_USER and NEO4J_PASSWORD.`,
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new StartupError(
      `${where} has no database named '${options.database}': ${detail}. Check NEO4J_DATABASE (Neo4j Community has only 'neo4j').`,
    );
  }
  return new StartupError(
    `Could not reach ${where} (gave up after ${Math.round(elapsedMs / 1000)} s): ${detail}. ` +
      'Check that the server is running and the address is right (or raise NEO4J_STARTUP_TIMEOUT_SECONDS); ' +
      'unset NEO4J_URI to use the embedded Neo4j instead.',
  );
}

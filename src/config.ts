/**
 * Public contract: every setting of the server, read from environment variables and validated once.
 * The server's own settings are read here only; everything else receives a Config. (The embedded Neo4j's JVM
 * is found through JAVA_HOME or PATH, and inherits the environment, as any child process does.)
 * README's configuration table documents the same names and defaults.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_REQUEST_LIMITS, type RequestLimits } from './request-limits.ts';
import type { CorsOrigins } from './cross-origin.ts';
import type { RateLimitOptions } from './rate-limit.ts';

const byteSize = z
  .string()
  .regex(/^[1-9]\d*[kmg]$/i, 'a size such as 512m or 1g')
  .transform((s) => s.toLowerCase());

const UNIT_BYTES: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
/** A byte count, in bytes or with a k, m or g suffix. */
const byteCount = z
  .string()
  .regex(/^[1-9]\d*[kmg]?$/i, 'a size in bytes, or such as 512k or 4m')
  .transform((s) => Number.parseInt(s, 10) * (UNIT_BYTES[s.replace(/^\d+/, '').toLowerCase()] ?? 1));

const flag = z.enum(['true', 'false', '1', '0']).transform((s) => s === 'true' || s === '1');

const port = z
  .string()
  .regex(/^\d+$/, 'a port number from 1 to 65535')
  .transform(Number)
  .pipe(z.number().int().min(1, 'a port number from 1 to 65535').max(65535, 'a port number from 1 to 65535'));

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Production unless asked: internal error messages reach clients only in development.
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),

  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/\S+$/, 'a Bolt URI such as bolt://host:7687 or neo4j+s://host')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(8, 'at least 8 characters (Neo4j refuses shorter ones)').optional(),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_STARTUP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(40),
  NEO4J_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  // Fail fast when Neo4j goes away while serving (the driver's own defaults hold a request for about 31 s).
  NEO4J_CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(3_000),
  NEO4J_ACQUISITION_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(3_000),
  NEO4J_RETRY_TIME_MS: z.coerce.number().int().min(0).max(120_000).default(2_000),
  NEO4J_MAX_POOL_SIZE: z.coerce.number().int().min(1).max(1_000).default(100),

  NEO4J_EMBEDDED_DATA_DIR: z.string().min(1).default('.data/neo4j'),
  NEO4J_EMBEDDED_PORT: port.default(7687),
  NEO4J_EMBEDDED_HEAP: byteSize.default('512m'),
  NEO4J_EMBEDDED_PAGECACHE: byteSize.default('256m'),

  SEED_ON_START: flag.default(true),

  REQUEST_COST_BUDGET: z.coerce.number().int().min(1).max(10_000_000).default(DEFAULT_REQUEST_LIMITS.costBudget),
  REQUEST_TIME_BUDGET_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_REQUEST_LIMITS.timeBudgetMs),
  REQUEST_MAX_STATEMENTS: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_REQUEST_LIMITS.maxStatements),
  RESPONSE_MAX_SIZE: byteCount.default(DEFAULT_REQUEST_LIMITS.maxResponseBytes),
  HEAVY_COST_THRESHOLD: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000_000)
    .default(DEFAULT_REQUEST_LIMITS.heavyCostThreshold),
  HEAVY_CONCURRENCY_MAX: z.coerce.number().int().min(1).max(1000).default(DEFAULT_REQUEST_LIMITS.heavyConcurrencyMax),
  HEAVY_QUEUE_MAX: z.coerce.number().int().min(0).max(100_000).default(DEFAULT_REQUEST_LIMITS.heavyQueueMax),
  SERVER_BUSY_RETRY_AFTER_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3600)
    .default(DEFAULT_REQUEST_LIMITS.retryAfterSeconds),
  // The most relationships a graph measure (centrality, articulation points, communities, paths) reads in process.
  ANALYTICS_MAX_RELATIONSHIPS: z.coerce.number().int().min(1).max(10_000_000).default(50_000),
  // OpenTelemetry tracing: off unless asked (OTEL_ENABLED, or the standard OTEL_TRACES_EXPORTER naming an exporter).
  OTEL_ENABLED: flag.default(false),
  OTEL_TRACES_EXPORTER: z.string().optional(),
  // Requests one client (API key, else address) may make per window to /graphql and /export; 0: no limit.
  RATE_LIMIT_REQUESTS: z.coerce.number().int().min(0).max(1_000_000).default(600),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  // Whether loopback clients are limited too (development and benchmarks run on loopback); in production by default.
  RATE_LIMIT_LOOPBACK: flag.optional(),
  // A Redis holding the rate-limit counts for every replica (redis://host:port); in memory when unset.
  RATE_LIMIT_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
    .optional(),
  // Reverse proxies in front of the server whose X-Forwarded-For is trusted (Express's `trust proxy` hop count).
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  // Seconds a CDN or browser may keep the answer of a GET query without errors (0: no-store).
  GET_CACHE_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  // `*` (any origin may read) or a comma-separated list of origins that may read and write (src/cross-origin.ts).
  CORS_ORIGINS: z
    .string()
    .regex(
      /^(\*|https?:\/\/[^\s,/]+(,https?:\/\/[^\s,/]+)*)$/,
      'must be * or a comma-separated list of origins such as https://app.example.org',
    )
    .default('*'),
  // `curator:key,curator:key`; the keys are secrets (never echoed, only their SHA-256 digests are kept).
  API_KEYS: z
    .string()
    .regex(
      /^[A-Za-z0-9_.@-]+:[\x21-\x2b\x2d-\x7e]{16,}(,[A-Za-z0-9_.@-]+:[\x21-\x2b\x2d-\x7e]{16,})*$/,
      'a comma-separated list of curator:key pairs (curator: letters, digits, _ . @ -; key: 16 or more printable characters without commas or spaces)',
    )
    .optional(),
});

const SECRET_SETTINGS = new Set(['NEO4J_PASSWORD', 'API_KEYS']);

/** One API key that may write: the curator it stands for, and the SHA-256 digest of the key (never the key). */
export interface ApiKey {
  curator: string;
  digest: Buffer;
}

type DatabaseSource =
  | { kind: 'external'; uri: string; user: string; password: string }
  | {
      kind: 'embedded';
      dataDir: string;
      port: number;
      heap: string;
      pageCache: string;
      /** Set on the embedded server's built-in user at every start; random when NEO4J_PASSWORD is unset. */
      password: string | undefined;
    };

export interface Config {
  http: { host: string; port: number };
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  environment: z.infer<typeof envSchema>['NODE_ENV'];
  database: {
    source: DatabaseSource;
    name: string;
    startupTimeoutMs: number;
    queryTimeoutMs: number;
    /** How long a request may wait for Neo4j when it is gone; defaults apply when absent (DEFAULT_DRIVER_LIMITS). */
    driverLimits?: DriverLimits;
  };
  seedOnStart: boolean;
  /** What one GraphQL operation may cost and do (src/request-limits.ts). */
  limits: RequestLimits;
  /** Whether OpenTelemetry tracing is on (src/observability/tracing.ts). */
  tracing: boolean;
  /** Who may write (curated writes); empty: a read-only deployment. */
  apiKeys: ApiKey[];
  /** Which browser origins may call the API (src/cross-origin.ts). */
  corsOrigins: CorsOrigins;
  /** Cache-Control max-age of GET query answers (src/observability/operation-plugin.ts). */
  getCacheMaxAgeSeconds: number;
  /** The most relationships a graph measure reads into memory (src/measures/projection-measures.ts). */
  analyticsMaxRelationships: number;
  /** Per-client request limits (src/rate-limit.ts). */
  rateLimit: RateLimitOptions;
  /** Reverse proxies trusted for the client's address. */
  trustProxy: number;
}

/** The driver's budgets: with Neo4j gone, a request fails within about connection + retry time. */
export interface DriverLimits {
  /** Opening one Bolt connection (driver connectionTimeout). */
  connectionTimeoutMs: number;
  /** Waiting for a free pooled connection (driver connectionAcquisitionTimeout). */
  acquisitionTimeoutMs: number;
  /** Retrying transient failures in a managed transaction (driver maxTransactionRetryTime). */
  retryTimeMs: number;
  /** Connections per server (driver maxConnectionPoolSize); more concurrent requests queue. */
  maxPoolSize: number;
}

export const DEFAULT_DRIVER_LIMITS: DriverLimits = {
  connectionTimeoutMs: 3_000,
  acquisitionTimeoutMs: 3_000,
  retryTimeMs: 2_000,
  maxPoolSize: 100,
};

/**
 * The command-line loaders' budgets (seed, generate): a batch job would rather wait for a busy or restarting Neo4j
 * than fail half-way, so they keep the driver's own patient defaults instead of the server's fail-fast ones.
 */
export const BATCH_DRIVER_LIMITS: DriverLimits = {
  connectionTimeoutMs: 30_000,
  acquisitionTimeoutMs: 60_000,
  retryTimeMs: 30_000,
  maxPoolSize: 100,
};

/** A setting is missing or malformed; the message names the variable and what it accepts. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** `alice:key1,bob:key2` -> digests; a curator named twice is a mistake worth stopping for. */
function parseApiKeys(value: string | undefined): ApiKey[] {
  if (value === undefined) return [];
  const keys = value.split(',').map((pair) => {
    const at = pair.indexOf(':');
    return {
      curator: pair.slice(0, at),
      digest: createHash('sha256')
        .update(pair.slice(at + 1))
        .digest(),
    };
  });
  const curators = keys.map((k) => k.curator);
  const twice = curators.find((c, i) => curators.indexOf(c) !== i);
  if (twice !== undefined) throw new ConfigError(`API_KEYS names the curator "${twice}" twice; give each one key.`);
  return keys;
}

/**
 * Reads and validates the settings from an environment object (process.env in production; tests pass their own).
 * Relative paths resolve against `cwd`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  // An empty variable means "not set", as shells and compose files commonly leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const value = present[name] ?? '';
      // Secrets are never echoed, not even when they are wrong.
      const shown = SECRET_SETTINGS.has(name) ? `(${value.length} characters)` : JSON.stringify(value);
      return `${name}=${shown} is invalid: expected ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}.`);
  }
  const e = parsed.data;

  let source: DatabaseSource;
  if (e.NEO4J_URI !== undefined) {
    if (e.NEO4J_PASSWORD === undefined) {
      throw new ConfigError(
        `NEO4J_URI is set (${e.NEO4J_URI}) but NEO4J_PASSWORD is not: set the password of ${e.NEO4J_USER}.`,
      );
    }
    source = { kind: 'external', uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD };
  } else {
    source = {
      kind: 'embedded',
      dataDir: path.resolve(cwd, e.NEO4J_EMBEDDED_DATA_DIR),
      port: e.NEO4J_EMBEDDED_PORT,
      heap: e.NEO4J_EMBEDDED_HEAP,
      pageCache: e.NEO4J_EMBEDDED_PAGECACHE,
      password: e.NEO4J_PASSWORD,
    };
  }

  return {
    http: { host: e.HOST, port: e.PORT },
    logLevel: e.LOG_LEVEL,
    environment: e.NODE_ENV,
    database: {
      source,
      name: e.NEO4J_DATABASE,
      startupTimeoutMs: e.NEO4J_STARTUP_TIMEOUT_SECONDS * 1000,
      queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
      driverLimits: {
        connectionTimeoutMs: e.NEO4J_CONNECTION_TIMEOUT_MS,
        acquisitionTimeoutMs: e.NEO4J_ACQUISITION_TIMEOUT_MS,
        retryTimeMs: e.NEO4J_RETRY_TIME_MS,
        maxPoolSize: e.NEO4J_MAX_POOL_SIZE,
      },
    },
    seedOnStart: e.SEED_ON_START,
    limits: {
      costBudget: e.REQUEST_COST_BUDGET,
      timeBudgetMs: e.REQUEST_TIME_BUDGET_MS,
      maxStatements: e.REQUEST_MAX_STATEMENTS,
      maxResponseBytes: e.RESPONSE_MAX_SIZE,
      heavyCostThreshold: e.HEAVY_COST_THRESHOLD,
      heavyConcurrencyMax: e.HEAVY_CONCURRENCY_MAX,
      heavyQueueMax: e.HEAVY_QUEUE_MAX,
      retryAfterSeconds: e.SERVER_BUSY_RETRY_AFTER_SECONDS,
    },
    tracing: e.OTEL_ENABLED || (e.OTEL_TRACES_EXPORTER !== undefined && e.OTEL_TRACES_EXPORTER !== 'none'),
    apiKeys: parseApiKeys(e.API_KEYS),
    corsOrigins: e.CORS_ORIGINS === '*' ? '*' : e.CORS_ORIGINS.split(','),
    getCacheMaxAgeSeconds: e.GET_CACHE_MAX_AGE_SECONDS,
    analyticsMaxRelationships: e.ANALYTICS_MAX_RELATIONSHIPS,
    rateLimit: {
      requests: e.RATE_LIMIT_REQUESTS,
      windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
      loopback: e.RATE_LIMIT_LOOPBACK ?? e.NODE_ENV === 'production',
      ...(e.RATE_LIMIT_REDIS_URL !== undefined ? { redisUrl: e.RATE_LIMIT_REDIS_URL } : {}),
    },
    trustProxy: e.TRUST_PROXY,
  };
}

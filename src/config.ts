/**
 * Public contract: every setting of the server, read from environment variables and validated once.
 * The server's own settings are read here only; everything else receives a Config. (The embedded Neo4j's JVM
 * is found through JAVA_HOME or PATH, and inherits the environment, as any child process does.)
 * README's configuration table documents the same names and defaults.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

const byteSize = z
  .string()
  .regex(/^[1-9]\d*[kmg]$/i, 'a size such as 512m or 1g')
  .transform((s) => s.toLowerCase());

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

  NEO4J_EMBEDDED_DATA_DIR: z.string().min(1).default('.data/neo4j'),
  NEO4J_EMBEDDED_PORT: port.default(7687),
  NEO4J_EMBEDDED_HEAP: byteSize.default('512m'),
  NEO4J_EMBEDDED_PAGECACHE: byteSize.default('256m'),

  SEED_ON_START: flag.default(true),

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

export type DatabaseSource =
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
  };
  seedOnStart: boolean;
  /** Who may write (curated writes); empty: a read-only deployment. */
  apiKeys: ApiKey[];
}

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
    },
    seedOnStart: e.SEED_ON_START,
    apiKeys: parseApiKeys(e.API_KEYS),
  };
}

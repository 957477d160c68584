/**
 * Test helper: the GraphQL server in this process, over HTTP, against the test Neo4j seeded with data/ (and, in
 * the api+second-document project, a second synthetic document beside it: tests/fixtures/second-document).
 * Tests talk to it as clients do (POST /graphql) and can count the database round trips it makes.
 */
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { applySchema } from '../../src/db/apply-schema.ts';
import type { ApiKey } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import type { QueryRunner } from '../../src/db/query-runner.ts';
import { listDataFiles, loadGraph } from '../../src/seed/load-graph.ts';
import type { Vocabulary } from '../../src/model/vocabulary.ts';
import type { RateLimitOptions } from '../../src/rate-limit.ts';
import { startServer, type RunningServer, type ServerDependencies } from '../../src/server.ts';
import { clearDatabase } from './graph-snapshot.ts';
import { openTestDatabase, silentLogger } from './test-neo4j.ts';
import type { CorsOrigins } from '../../src/cross-origin.ts';

interface GraphqlResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export interface ApiServer {
  url: string;
  db: Database;
  graphql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphqlResponse<T>>;
  /** Like graphql, with the HTTP status. */
  post<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; body: GraphqlResponse<T> }>;
  close(): Promise<void>;
}

const SECOND_DOCUMENT = fileURLToPath(new URL('../fixtures/second-document/survey.yaml', import.meta.url));

/** Whether this run imports the second document (the api+second-document project). */
export function withSecondDocument(): boolean {
  return inject('secondDocument') === true;
}

export interface ApiServerOptions {
  /** Serve this knowledge model (and load extraFiles against it). */
  vocabulary?: Vocabulary;
  /** Further data files to load after the paper. */
  extraFiles?: string[];
  /** Wraps the runner the server uses, e.g. to record the statements it runs. */
  wrapRunner?: (runner: QueryRunner) => QueryRunner;
  /** The API keys that may write (curated writes); none: a read-only server. */
  apiKeys?: ApiKey[];
  /** Which browser origins may call the API (CORS_ORIGINS); `*` when omitted. */
  corsOrigins?: CorsOrigins;
  /** Per-client request limits; none when omitted. */
  rateLimit?: RateLimitOptions;
  /** The change feed's poll interval and the subscriptions per client (src/subscriptions/). */
  subscriptions?: ServerDependencies['subscriptions'];
}

export async function startApiServer(options: ApiServerOptions = {}): Promise<ApiServer> {
  const db = await openTestDatabase();
  await clearDatabase(db.runner);
  await applySchema(db.runner);
  await loadGraph(db.runner, listDataFiles());
  if (withSecondDocument()) await loadGraph(db.runner, [SECOND_DOCUMENT]);
  if (options.extraFiles) await loadGraph(db.runner, options.extraFiles, { vocabulary: options.vocabulary });
  const server: RunningServer = await startServer(
    {
      runner: options.wrapRunner ? options.wrapRunner(db.runner) : db.runner,
      pingDatabase: db.ping,
      logger: silentLogger,
      development: false,
      ...(options.vocabulary ? { vocabulary: options.vocabulary } : {}),
      ...(options.apiKeys ? { apiKeys: options.apiKeys } : {}),
      ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
      ...(options.subscriptions ? { subscriptions: options.subscriptions } : {}),
    },
    '127.0.0.1',
    0,
  );
  const url = `${server.url}/graphql`;
  const post: ApiServer['post'] = async (query, variables = {}, headers = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as GraphqlResponse<any>,
    };
  };
  return {
    url,
    db,
    async graphql(query, variables = {}, headers = {}) {
      return (await post(query, variables, headers)).body as GraphqlResponse<any>;
    },
    post,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}

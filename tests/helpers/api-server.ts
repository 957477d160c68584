/**
 * Test helper: the GraphQL server in this process, over HTTP, against the test Neo4j seeded with data/.
 * Tests talk to it as clients do (POST /graphql) and can count the database round trips it makes.
 */
import { applySchema } from '../../src/db/apply-schema.ts';
import type { Database } from '../../src/db/database.ts';
import { listDataFiles, loadGraph } from '../../src/seed/load-graph.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { clearDatabase } from './graph-snapshot.ts';
import { openTestDatabase, silentLogger } from './test-neo4j.ts';

export interface GraphqlResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export interface ApiServer {
  url: string;
  db: Database;
  graphql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  close(): Promise<void>;
}

export async function startApiServer(): Promise<ApiServer> {
  const db = await openTestDatabase();
  await clearDatabase(db.runner);
  await applySchema(db.runner);
  await loadGraph(db.runner, listDataFiles());
  const server: RunningServer = await startServer(
    { runner: db.runner, pingDatabase: db.ping, logger: silentLogger, development: false },
    '127.0.0.1',
    0,
  );
  const url = `${server.url}/graphql`;
  return {
    url,
    db,
    async graphql(query, variables = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphqlResponse<any>;
    },
    async close() {
      await server.stop();
      await db.close();
    },
  };
}

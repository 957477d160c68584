/**
 * The playground: GraphiQL served by this server from npm packages (nothing from a CDN), opening with example
 * queries that all run against the seeded graph.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES, EXAMPLE_SUBSCRIPTIONS } from '../../../src/playground/example-queries.ts';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';

let api: ApiServer;
let base: string;
beforeAll(async () => {
  api = await startApiServer();
  base = api.url.replace(/\/graphql$/, '');
});
afterAll(() => api.close());

describe('playground: GraphiQL at /graphiql', () => {
  it('serves a page whose scripts and styles all come from this server', async () => {
    const response = await fetch(`${base}/graphiql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    // GraphiQL's style and script, React, React DOM, graphql-ws's client (subscriptions), and the start script.
    expect(assets).toHaveLength(6);
    // No inline script (the Content-Security-Policy allows scripts from this server only).
    expect(html).not.toMatch(/<script>/);
    for (const asset of assets) {
      expect(asset).toMatch(/^\/graphiql\/(vendor\/|start\.js$)/);
      const file = await fetch(`${base}${asset}`);
      expect(file.status, asset).toBe(200);
      expect((await file.arrayBuffer()).byteLength, asset).toBeGreaterThan(1000);
    }
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
  });

  it('opens with the example queries as tabs', async () => {
    const script = await (await fetch(`${base}/graphiql/start.js`)).text();
    for (const example of [...EXAMPLE_QUERIES, ...EXAMPLE_SUBSCRIPTIONS]) {
      expect(script).toContain(JSON.stringify(example.query).slice(1, 40));
    }
  });

  it('serves nothing else from node_modules', async () => {
    expect((await fetch(`${base}/graphiql/vendor/package.json`)).status).toBe(404);
    expect((await fetch(`${base}/graphiql/vendor/..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it('redirects / to the playground', async () => {
    const response = await fetch(`${base}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/graphiql');
  });

  it.each(EXAMPLE_QUERIES.map((e) => [e.title, e.query]))(
    'example "%s" runs without errors and returns data',
    async (_title, query) => {
      const { data, errors } = await api.graphql(query);
      expect(errors).toBeUndefined();
      const values = Object.values(data ?? {});
      expect(values.length).toBeGreaterThan(0);
      expect(values.every((v) => v !== null && (!Array.isArray(v) || v.length > 0))).toBe(true);
    },
  );
});

/**
 * A network-visualization page served from a second origin, in headless Chromium with every request off this
 * machine blocked: it loads Cytoscape.js from its own origin, draws `/export/cytoscape` fetched from the API's
 * origin, and runs a GraphQL query with `fetch` (a JSON POST, so a CORS preflight first). The drawn graph is the
 * API's neighbourhood, node for node and edge for edge, and the page logs no console error. Runs wherever Chromium
 * is installed, and always in CI.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../helpers/api-server.ts';
import { browserAvailable, launchChromium } from '../helpers/browser.ts';

const CYTOSCAPE = readFileSync(createRequire(import.meta.url).resolve('cytoscape/dist/cytoscape.min.js'), 'utf8');

/** The app: Cytoscape.js from its own origin, the graph and a query from the API's (named in `?api=`). */
const PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Kioxia on another origin</title></head>
  <body>
    <div id="cy" style="width: 800px; height: 600px"></div>
    <script src="/cytoscape.min.js"></script>
    <script type="module">
      const api = new URLSearchParams(location.search).get('api');
      const response = await fetch(api + '/export/cytoscape?root=company:kioxia&depth=1');
      const { elements } = await response.json(); // the file is cy.json()'s shape: { data, elements }
      const cy = cytoscape({ container: document.getElementById('cy'), elements, layout: { name: 'cose', animate: false } });
      const answer = await (
        await fetch(api + '/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: '{ neighborhood(id: "company:kioxia", depth: 1) { nodes { id } edges { id source target } } }',
          }),
        })
      ).json();
      window.__result = {
        disposition: response.headers.get('content-disposition'),
        drawnNodes: cy.nodes().map((n) => n.id()).sort(),
        drawnEdges: cy.edges().map((e) => e.source().id() + ' ' + e.target().id()).sort(),
        answer,
      };
    </script>
  </body>
</html>`;

describe.skipIf(!browserAvailable)('a page on a second origin reads the graph, in a browser', () => {
  let api: ApiServer;
  let app: Server;
  let appOrigin: string;
  let browser: Browser;

  beforeAll(async () => {
    api = await startApiServer();
    app = createServer((request, response) => {
      if (request.url?.startsWith('/cytoscape.min.js')) {
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(CYTOSCAPE);
      } else if (request.url === '/favicon.ico') {
        response.writeHead(204).end();
      } else {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      }
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    // localhost, not 127.0.0.1, and another port: another origin by host and port.
    appOrigin = `http://localhost:${(app.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => app?.close(resolve));
    await api?.close();
  });

  it('draws /export/cytoscape and runs a query with fetch, with no console error', async () => {
    const apiOrigin = new URL(api.url).origin;
    expect(apiOrigin).not.toBe(appOrigin);
    const page = await browser.newPage();
    const blocked: string[] = [];
    const consoleErrors: string[] = [];
    const apiRequests: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(apiOrigin)) apiRequests.push(`${route.request().method()} ${new URL(url).pathname}`);
      if (url.startsWith(appOrigin) || url.startsWith(apiOrigin)) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    await page.goto(`${appOrigin}/?api=${encodeURIComponent(apiOrigin)}`);
    await page.waitForFunction(() => (globalThis as { __result?: unknown }).__result !== undefined, undefined, {
      timeout: 60_000,
    });
    const result = (await page.evaluate(() => (globalThis as { __result?: unknown }).__result)) as {
      disposition: string | null;
      drawnNodes: string[];
      drawnEdges: string[];
      answer: {
        data?: { neighborhood: { nodes: Array<{ id: string }>; edges: Array<{ source: string; target: string }> } };
        errors?: unknown;
      };
    };

    expect(consoleErrors).toEqual([]);
    expect(blocked).toEqual([]);
    // Both reads reached the API (the POST's CORS preflight is the browser's own: a refused one fails the fetch).
    expect(apiRequests).toEqual(['GET /export/cytoscape', 'POST /graphql']);
    expect(result.answer.errors).toBeUndefined();
    const neighborhood = result.answer.data!.neighborhood;
    // Kioxia's neighbourhood holds its Yokkaichi plant (the data files: OPERATES company:kioxia -> the plant).
    expect(result.drawnNodes).toContain('facility:kioxia-yokkaichi-plant');
    expect(result.drawnNodes).toEqual(neighborhood.nodes.map((n) => n.id).sort());
    expect(result.drawnEdges).toEqual(neighborhood.edges.map((e) => `${e.source} ${e.target}`).sort());
    expect(result.disposition).toMatch(/^attachment; filename="?neighborhood-company-kioxia-d1\.cyjs/);
  });
});

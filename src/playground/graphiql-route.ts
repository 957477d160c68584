/**
 * Internal: the GraphQL playground. GraphiQL and React are served from their npm packages by this server (no CDN),
 * so the playground works offline. The page opens with the example queries and subscriptions as tabs, and with the
 * query (and variables) of its `?query=` and `?variables=` parameters in a tab of its own when given. Queries and
 * mutations go over HTTP, subscriptions over WebSocket on the same path (graphql-ws's client, also served here).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type Router } from 'express';
import { EXAMPLE_QUERIES, EXAMPLE_SUBSCRIPTIONS } from './example-queries.ts';

export const PLAYGROUND_PATH = '/graphiql';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/** Only these files of the packages are served. */
const VENDOR_FILES = new Map<string, string>([
  ['react.production.min.js', path.join(packageDir('react'), 'umd', 'react.production.min.js')],
  ['react-dom.production.min.js', path.join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js')],
  ['graphiql.min.js', path.join(packageDir('graphiql'), 'graphiql.min.js')],
  ['graphiql.min.css', path.join(packageDir('graphiql'), 'graphiql.min.css')],
  ['graphql-ws.min.js', path.join(packageDir('graphql-ws'), 'umd', 'graphql-ws.min.js')],
]);

/** The script that starts GraphiQL, served as a file of its own so the page needs no inline script (CSP). */
function startScript(graphqlPath: string): string {
  const tabs = JSON.stringify([...EXAMPLE_QUERIES, ...EXAMPLE_SUBSCRIPTIONS].map((e) => ({ query: e.query })));
  return `const url = new URL(${JSON.stringify(graphqlPath)}, location.href);
const socketUrl = new URL(url);
socketUrl.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
// Subscriptions over WebSocket (the connection opens with the first one); everything else over HTTP.
const wsClient = graphqlWs.createClient({ url: socketUrl.href, lazy: true });
const fetcher = GraphiQL.createFetcher({ url: url.href, wsClient });
// ?query= and ?variables= (as the explorer's "open in GraphiQL" sends them) open in a tab of their own.
const params = new URLSearchParams(location.search);
const linked = params.has('query') ? { query: params.get('query'), variables: params.get('variables') ?? undefined } : {};
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultTabs: ${tabs}, defaultEditorToolsVisibility: true, ...linked }),
);
`;
}

function page(): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Policy knowledge graph: GraphiQL</title>
  <link rel="stylesheet" href="${PLAYGROUND_PATH}/vendor/graphiql.min.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL...</div>
  <script src="${PLAYGROUND_PATH}/vendor/react.production.min.js"></script>
  <script src="${PLAYGROUND_PATH}/vendor/react-dom.production.min.js"></script>
  <script src="${PLAYGROUND_PATH}/vendor/graphiql.min.js"></script>
  <script src="${PLAYGROUND_PATH}/vendor/graphql-ws.min.js"></script>
  <script src="${PLAYGROUND_PATH}/start.js"></script>
</body>
</html>`;
}

export function createPlaygroundRouter(graphqlPath: string): Router {
  const router = express.Router();
  const html = page();
  const start = startScript(graphqlPath);
  router.get(PLAYGROUND_PATH, (_req, res) => {
    res.type('html').send(html);
  });
  router.get(`${PLAYGROUND_PATH}/start.js`, (_req, res) => {
    res.type('js').send(start);
  });
  router.get(`${PLAYGROUND_PATH}/vendor/:file`, (req, res) => {
    const file = VENDOR_FILES.get(req.params.file);
    if (file === undefined) {
      res.status(404).type('text').send('Not found');
      return;
    }
    res.sendFile(file, { maxAge: '1d' });
  });
  return router;
}

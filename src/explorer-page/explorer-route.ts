/**
 * Internal: serves the explorer page (the Vite bundle in explorer/dist) at /explore. The page is static and talks
 * only to the public GraphQL endpoint, so it works offline. The server checks the bundle at start; should it
 * disappear afterwards, /explore says how to build it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { EXPLORER_DIST } from './explorer-bundle.ts';

export const EXPLORER_PATH = '/explore';

export function createExplorerRouter(): Router {
  const router = express.Router();
  // Hashed asset names never change content, so they may be cached; index.html must not be.
  router.use(
    `${EXPLORER_PATH}/assets`,
    express.static(path.join(EXPLORER_DIST, 'assets'), { immutable: true, maxAge: '1y', fallthrough: true }),
  );
  router.get(EXPLORER_PATH, (_req, res) => {
    const index = path.join(EXPLORER_DIST, 'index.html');
    if (!existsSync(index)) {
      res.status(503).type('text').send('The explorer page is not built: run `npm run build`.');
      return;
    }
    res.sendFile(index, { headers: { 'cache-control': 'no-cache' } });
  });
  return router;
}

/**
 * Internal: the explorer page's bundle, which `npm run build` makes with Vite from explorer/ into explorer/dist
 * (scripts/build-explorer.ts). The server only checks that the bundle is there and current at start.
 */
import path from 'node:path';
import { assertBuilt, REPO_ROOT, type BuildOutput } from '../build-output/source-stamp.ts';

/** Made from the page's sources, its build configuration, and the locked library versions. */
export const EXPLORER_BUNDLE: BuildOutput = {
  name: 'the explorer page',
  root: REPO_ROOT,
  dir: 'explorer/dist',
  stampFile: '.build-stamp',
  sources: ['explorer/index.html', 'explorer/vite.config.ts', 'explorer/src', 'package-lock.json'],
};

export const EXPLORER_DIST = path.join(REPO_ROOT, EXPLORER_BUNDLE.dir);

/** Throws a StartupError naming `npm run build` unless explorer/dist holds a bundle of the current sources. */
export function assertExplorerBuilt(): void {
  assertBuilt(EXPLORER_BUNDLE);
}

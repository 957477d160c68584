/**
 * Builds the explorer page: Vite bundles explorer/ into a temporary folder, which is stamped with the sources it
 * was built from (src/explorer-page/explorer-bundle.ts) and then swapped in for explorer/dist, so a running server
 * never serves a half-written bundle.
 */
import { rmSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT, sourceStamp, writeStamp } from '../src/build-output/source-stamp.ts';
import { EXPLORER_BUNDLE, EXPLORER_DIST } from '../src/explorer-page/explorer-bundle.ts';
import { BuildError, runBuildCommand } from './run-build-command.ts';

const EXPLORER_DIR = path.join(REPO_ROOT, 'explorer');

export async function buildExplorer(): Promise<void> {
  const stamp = sourceStamp(EXPLORER_BUNDLE);
  const outDir = path.join(EXPLORER_DIR, `dist.tmp-${process.pid}`);
  try {
    await runBuildCommand({
      // Vite in a child process: its memory is returned when it ends.
      command: process.execPath,
      args: [viteBin(), 'build', '--config', path.join(EXPLORER_DIR, 'vite.config.ts'), '--outDir', outDir],
      cwd: EXPLORER_DIR,
      what: 'Building the explorer page (vite build in explorer/)',
      notFound: `Node (${process.execPath}) could not be started to run Vite.`,
      onFailure: 'Fix the error Vite reports in explorer/.',
    });
    writeStamp(EXPLORER_BUNDLE, stamp, outDir);
    rmSync(EXPLORER_DIST, { recursive: true, force: true });
    renameSync(outDir, EXPLORER_DIST);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Vite's command-line entry; Vite is a development package, so a production install (--omit=dev) lacks it. */
function viteBin(): string {
  try {
    const require = createRequire(import.meta.url);
    return path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    throw new BuildError('Vite is not installed: it is a development package, which `npm ci` installs.');
  }
}

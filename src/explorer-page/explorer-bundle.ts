/**
 * Internal: the explorer page's bundle (explorer/, built by Vite into explorer/dist). It is built when missing or
 * stale: a stamp of the sources (explorer/ and package-lock.json, which fixes the libraries' versions) says whether
 * the bundle is current, as for the embedded Neo4j launcher. `npm start` builds it on first start, `npm run
 * build:explorer` on demand, the Docker image at image build time (the runtime image has no Vite).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXPLORER_DIR = path.join(ROOT, 'explorer');
export const EXPLORER_DIST = path.join(EXPLORER_DIR, 'dist');
const STAMP_FILE = path.join(EXPLORER_DIST, '.build-stamp');

/** What the bundle is made from: the page's sources, its build configuration, and the locked library versions. */
function sourceHash(): string {
  const hash = createHash('sha256');
  const files = [
    path.join(EXPLORER_DIR, 'index.html'),
    path.join(EXPLORER_DIR, 'vite.config.ts'),
    ...listFiles(path.join(EXPLORER_DIR, 'src')),
    path.join(ROOT, 'package-lock.json'),
  ].sort();
  for (const file of files) hash.update(path.relative(ROOT, file)).update(readFileSync(file));
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

/** True when explorer/dist holds a bundle built from the current sources. */
export function isExplorerBuildCurrent(): boolean {
  return existsSync(STAMP_FILE) && readFileSync(STAMP_FILE, 'utf8') === sourceHash();
}

/** Vite's command-line entry, or null where Vite is not installed (a production install without dev packages). */
function viteBin(): string | null {
  try {
    const require = createRequire(import.meta.url);
    return path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    return null;
  }
}

/**
 * Builds the bundle with Vite in a child process (its memory is returned when it ends) into a temporary folder,
 * then swaps it in, so a server never serves a half-written bundle. Rejects with Vite's last output lines.
 */
export async function buildExplorer(): Promise<void> {
  const vite = viteBin();
  if (vite === null) throw new Error('Vite is not installed (npm ci installs it); cannot build the explorer page');
  const stamp = sourceHash();
  const outDir = path.join(EXPLORER_DIR, `dist.tmp-${process.pid}`);
  const output: string[] = [];
  const status = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [vite, 'build', '--config', path.join(EXPLORER_DIR, 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir'],
      { cwd: EXPLORER_DIR, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    const tail = output.join('').trim().split('\n').slice(-8).join('\n');
    throw new Error(`Building the explorer page failed (vite build, exit ${status}):\n${tail}`);
  }
  writeFileSync(path.join(outDir, '.build-stamp'), stamp);
  rmSync(EXPLORER_DIST, { recursive: true, force: true });
  renameSync(outDir, EXPLORER_DIST);
}

/**
 * Makes sure explorer/dist is current: builds it when missing or stale and Vite is there. Never throws: the
 * explorer is an extra, so a failed build is logged and the API starts anyway (/explore then says what is wrong).
 */
export async function ensureExplorerBuilt(logger: Logger): Promise<void> {
  try {
    if (isExplorerBuildCurrent()) return;
    if (viteBin() === null) {
      if (!existsSync(EXPLORER_DIST)) logger.warn('the explorer page is not built and Vite is not installed');
      return;
    }
    logger.info('building the explorer page (explorer/ -> explorer/dist, a few seconds)');
    await buildExplorer();
  } catch (error) {
    logger.error({ err: error }, 'the explorer page could not be built; /explore is unavailable');
  }
}

/**
 * Internal: source stamps, the contract between `npm run build` (scripts/build.ts) and the running server. A build
 * writes into its output folder a hash of the sources it was made from; the server hashes the sources it finds and
 * compares, so it can tell a current output from a missing or stale one without building anything.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StartupError } from '../errors.ts';

/** The checkout's root folder, which the paths of this repository's build outputs are relative to. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Something `npm run build` makes, and what it is made from. */
export interface BuildOutput {
  /** For messages, e.g. "the explorer page". */
  name: string;
  /** The folder `dir` and `sources` are relative to (the checkout). */
  root: string;
  /** The folder the build writes, e.g. explorer/dist; the stamp is its file `stampFile`. */
  dir: string;
  stampFile: string;
  /** Files, and folders standing for every file below them, that the output is made from. */
  sources: readonly string[];
}

type BuildState = 'current' | 'missing' | 'stale';

/** Every file below `dir`, at any depth. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

/**
 * The hash of the output's sources: every file's path (relative to `root`, so moving the checkout changes nothing)
 * and content, in a fixed order. Throws when a source is missing, which is a broken checkout, not a stale build.
 */
export function sourceStamp(output: BuildOutput): string {
  const absent = output.sources.filter((source) => !existsSync(path.join(output.root, source)));
  if (absent.length > 0) throw new Error(`its sources ${absent.join(', ')} are missing from ${output.root}`);
  const files = output.sources
    .map((source) => path.join(output.root, source))
    .flatMap((source) => (statSync(source).isDirectory() ? listFiles(source) : [source]))
    .map((file) => path.relative(output.root, file).split(path.sep).join('/'))
    .sort();
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(output.root, file)));
  return hash.digest('hex');
}

/** Whether the output holds a stamp, and whether that stamp is the one of the sources as they are now. */
export function buildState(output: BuildOutput): BuildState {
  const stampPath = path.join(output.root, output.dir, output.stampFile);
  if (!existsSync(stampPath)) return 'missing';
  return readFileSync(stampPath, 'utf8') === sourceStamp(output) ? 'current' : 'stale';
}

/** Records `stamp` (taken before the build started) in `dir`: the output folder, or the folder about to become it. */
export function writeStamp(output: BuildOutput, stamp: string, dir = path.join(output.root, output.dir)): void {
  writeFileSync(path.join(dir, output.stampFile), stamp);
}

/**
 * Throws a StartupError naming `npm run build` unless the output is current; `otherwise` is appended to the
 * message (another way out, such as a setting that makes the output unnecessary).
 */
export function assertBuilt(output: BuildOutput, otherwise = ''): void {
  let state: BuildState;
  try {
    state = buildState(output);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(
      `Cannot tell whether ${output.name} is built: ${reason}.${otherwise ? ` ${otherwise}` : ''}`,
    );
  }
  if (state === 'current') return;
  const problem =
    state === 'missing'
      ? `is not built (${output.dir} holds no build stamp)`
      : `in ${output.dir} is out of date (its sources changed since it was built)`;
  throw new StartupError(
    `${capitalize(output.name)} ${problem}: run \`npm run build\` (\`npm start\` runs it first).${otherwise ? ` ${otherwise}` : ''}`,
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

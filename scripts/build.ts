/**
 * `npm run build`: builds what the server runs but does not build itself, each output only when it is missing or
 * its sources changed (a source stamp says which, src/build-output/source-stamp.ts), and says what it did.
 * - launcher: the embedded Neo4j launcher, `mvn package` in neo4j-launcher/ (needs Java 17+ and Maven). Skipped
 *   when NEO4J_URI is set and no target is named: the server then uses that Neo4j, not the embedded one.
 * - explorer: the explorer page, Vite from explorer/ into explorer/dist.
 *
 *   npm run build [-- [launcher] [explorer] [--force]]
 *
 * Named targets are built whatever NEO4J_URI says; --force builds them even when they are current. `npm start`
 * runs this first (prestart), the test run's global setup runs it, and the Docker image runs it for the explorer.
 */
import { parseArgs } from 'node:util';
import { buildState, type BuildOutput } from '../src/build-output/source-stamp.ts';
import { LAUNCHER_OUTPUT } from '../src/db/launcher-output.ts';
import { EXPLORER_BUNDLE } from '../src/explorer-page/explorer-bundle.ts';
import { buildExplorer } from './build-explorer.ts';
import { buildLauncher } from './build-launcher.ts';
import { BuildError } from './run-build-command.ts';

interface Target {
  output: BuildOutput;
  build: () => Promise<void>;
  /** Said before a build starts, when it is worth knowing why it takes long. */
  note?: string;
}

const TARGETS = {
  launcher: {
    output: LAUNCHER_OUTPUT,
    build: buildLauncher,
    note: 'the first build downloads Neo4j 5.26 from Maven Central, about 120 MB',
  },
  explorer: { output: EXPLORER_BUNDLE, build: buildExplorer },
} satisfies Record<string, Target>;
type TargetName = keyof typeof TARGETS;

async function main(): Promise<void> {
  const { named, force } = parseCommandLine(process.argv.slice(2));
  let names: TargetName[] = named.length > 0 ? named : ['launcher', 'explorer'];
  if (named.length === 0 && process.env['NEO4J_URI']) {
    say(`${LAUNCHER_OUTPUT.name}: skipped (NEO4J_URI is set, so the server uses that Neo4j)`);
    names = ['explorer'];
  }
  for (const name of names) {
    const { output, build, note }: Target = TARGETS[name];
    const state = force ? 'forced' : buildState(output);
    if (state === 'current') {
      say(`${output.name}: up to date (${output.dir})`);
      continue;
    }
    const why = { missing: 'not built', stale: 'its sources changed', forced: '--force' }[state];
    say(`${output.name}: building into ${output.dir} (${why})${note ? `; ${note}` : ''}`);
    const started = Date.now();
    await build();
    say(`${output.name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

/** The targets named on the command line (none: the default set) and --force; throws a BuildError on a typo. */
function parseCommandLine(args: string[]): { named: TargetName[]; force: boolean } {
  const usage = `usage: npm run build [-- [${Object.keys(TARGETS).join('] [')}] [--force]]`;
  let parsed;
  try {
    parsed = parseArgs({ args, options: { force: { type: 'boolean', default: false } }, allowPositionals: true });
  } catch (error) {
    throw new BuildError(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  const { values, positionals } = parsed;
  const isTarget = (name: string): name is TargetName => Object.hasOwn(TARGETS, name);
  const unknown = positionals.filter((name) => !isTarget(name));
  if (unknown.length > 0) throw new BuildError(`Unknown build target ${unknown.join(', ')}.\n${usage}`);
  return { named: [...new Set(positionals.filter(isTarget))], force: values.force };
}

function say(line: string): void {
  process.stdout.write(`build: ${line}\n`);
}

try {
  await main();
} catch (error) {
  process.stderr.write(
    error instanceof BuildError
      ? `npm run build failed: ${error.message}\n`
      : `npm run build failed unexpectedly: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exitCode = 1;
}

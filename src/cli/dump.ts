/**
 * `npm run dump -- DIR [--force]`: writes the whole graph (documents with their text, entities, relationships,
 * citations, curated facts and the audit log) into DIR as data files; `npm run seed`-style loading of DIR into an
 * empty database gives the same graph (src/dump/dump-graph.ts). Refuses a non-empty DIR unless --force.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DumpError, dumpGraph } from '../dump/dump-graph.ts';
import { exitWithError, runWithDatabase } from './run-cli.ts';

const USAGE = 'usage: npm run dump -- DIR [--force]';

const { positionals, values } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
  } catch (error) {
    return exitWithError(new Error(`${(error as Error).message}\n${USAGE}`));
  }
})();
const [dir, ...extra] = positionals;
if (dir === undefined || extra.length > 0) exitWithError(new Error(USAGE));

await runWithDatabase(async (runner) => {
  const started = performance.now();
  const summary = await dumpGraph(runner, dir, { force: values.force }).catch((error: unknown) => {
    if (error instanceof DumpError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Dumped to ${path.resolve(dir)}: ${summary.documents} document(s), ${summary.entities} entities, ` +
      `${summary.relationships} relationships, ${summary.curatedFacts} curated fact(s), ` +
      `${summary.auditEntries} audit entries; ${summary.files} files, ${(summary.bytes / 1024).toFixed(0)} KB, ${seconds} s.\n` +
      `Restore into an empty database: npm run import -- $(find ${dir} -name '*.yaml' | sort)\n`,
  );
});

/**
 * `npm run dump -- DIR [--force]`: writes the whole graph (documents with their text, entities, relationships,
 * citations, curated facts and the audit log) into DIR as data files; `npm run seed`-style loading of DIR into an
 * empty database gives the same graph (src/dump/dump-graph.ts). Refuses a non-empty DIR unless --force. Beside a
 * server running on the embedded Neo4j, it reads that server's Neo4j (src/db/connection-file.ts); when a write
 * commits during the dump (the graph's version moved), it dumps again, and gives up with status 1 after three tries.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DumpError, dumpGraph, type DumpSummary } from '../dump/dump-graph.ts';
import { readGraphVersion } from '../graph/graph-version.ts';
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

/** Dumps taken again when a write commits during one, before giving up. */
const ATTEMPTS = 3;

await runWithDatabase(async (runner) => {
  const started = performance.now();
  let summary: DumpSummary | undefined;
  // Each page is its own read: a write that commits during the dump may be caught in part. Every writer bumps the
  // graph's version in its transaction, so an unchanged version shows that no write committed meanwhile.
  for (let attempt = 1; summary === undefined; attempt += 1) {
    const before = await readGraphVersion(runner);
    const written = await dumpGraph(runner, dir, { force: values.force || attempt > 1 }).catch((error: unknown) => {
      if (error instanceof DumpError) {
        process.stderr.write(`${error.message}\n`);
        process.exit(1);
      }
      throw error;
    });
    const after = await readGraphVersion(runner);
    if (after === before) summary = written;
    else if (attempt === ATTEMPTS) {
      process.stderr.write(
        `The graph changed during each of ${ATTEMPTS} dumps (a curated write, import or generator batch committed); ` +
          `the files in ${path.resolve(dir)} may hold part of a write. Dump again when writes are quiet.\n`,
      );
      process.exit(1);
    } else process.stderr.write(`The graph changed during the dump (version ${before} -> ${after}); dumping again.\n`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Dumped to ${path.resolve(dir)}: ${summary.documents} document(s), ${summary.entities} entities, ` +
      `${summary.relationships} relationships, ${summary.curatedFacts} curated fact(s), ` +
      `${summary.auditEntries} audit entries; ${summary.files} files, ${(summary.bytes / 1024).toFixed(0)} KB, ${seconds} s.\n` +
      `Restore into an empty database: npm run import -- $(find ${dir} -name '*.yaml' | sort)\n`,
  );
});

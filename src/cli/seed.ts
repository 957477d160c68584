/**
 * `npm run seed`: loads every data file under data/ (idempotent: a second run changes nothing).
 * `npm run import -- FILE...`: loads further data files in the same format (a user's own documents).
 * Both validate everything first and write in one transaction; bad data changes nothing, and a crash leaves the
 * graph as before (rerun the command). Beside a server running on the embedded Neo4j, they use that server's Neo4j
 * (src/db/connection-file.ts), and the server's next request sees what they wrote.
 */
import { parseArgs } from 'node:util';
import { listDataFiles, loadGraph } from '../seed/load-graph.ts';
import { exitWithError, runWithDatabase } from './run-cli.ts';

const USAGE = 'usage: npm run seed | npm run import -- FILE.yaml [FILE.yaml ...]';

const { positionals } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: {} });
  } catch (error) {
    return exitWithError(new Error(`${(error as Error).message}\n${USAGE}`));
  }
})();
const [command, ...files] = positionals;

if (command !== 'seed' && command !== 'import') exitWithError(new Error(USAGE));
if (command === 'import' && files.length === 0)
  exitWithError(new Error(`import needs at least one data file\n${USAGE}`));

await runWithDatabase(async (runner) => {
  const summary = await loadGraph(runner, command === 'seed' ? listDataFiles() : files);
  process.stdout.write(
    `${command === 'seed' ? 'Seeded' : 'Imported'}: ${summary.documents} document(s), ${summary.entities} entities, ` +
      `${summary.relationships} relationships` +
      (summary.removedEntities + summary.removedRelationships > 0
        ? ` (removed ${summary.removedEntities} entities and ${summary.removedRelationships} relationships no longer in the files)`
        : '') +
      '.\n' +
      (summary.keptCurated.length > 0
        ? `Kept ${summary.keptCurated.length} curated fact(s) as curators left them (the files were not applied to them): ${summary.keptCurated.join(', ')}.\n`
        : ''),
  );
});

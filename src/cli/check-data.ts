/**
 * `npm run data:check [-- FILE...]`: validates data files (shape, ids, relationship ends, citations against the
 * source text) without a database. Ids that only a database would hold count as missing here.
 */
import { DataValidationError } from '../store/data-problem.ts';
import { listDataFiles } from '../seed/load-graph.ts';
import { readDataFiles } from '../store/read-data-files.ts';
import { validateGraphData } from '../store/validate-graph-data.ts';
import { exitWithError } from './run-cli.ts';

const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : listDataFiles();
const { parsed, problems } = readDataFiles(files);
if (problems.length > 0) exitWithError(new DataValidationError(problems));
const { graph, problems: graphProblems } = validateGraphData(parsed, { entities: new Map(), documents: new Map() });
if (graphProblems.length > 0) exitWithError(new DataValidationError(graphProblems));

const linked = new Set(graph.relationships.flatMap((r) => [r.from, r.to]));
const isolated = graph.entities.filter((e) => !linked.has(e.id)).map((e) => e.id);
process.stdout.write(
  `OK: ${files.length} files, ${graph.documents.length} document(s), ${graph.entities.length} entities, ${graph.relationships.length} relationships.\n`,
);
if (isolated.length > 0) {
  process.stdout.write(`Entities with no relationship (${isolated.length}): ${isolated.join(', ')}\n`);
  process.exit(1);
}

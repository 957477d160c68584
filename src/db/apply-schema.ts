/**
 * Internal: applies cypher/schema.cypher (constraints and indexes) and waits until the indexes are online.
 * Every statement there is `IF NOT EXISTS`, so applying it again changes nothing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { QueryRunner } from './query-runner.ts';

export const GRAPH_SCHEMA_FILE = fileURLToPath(new URL('../../cypher/schema.cypher', import.meta.url));

/** Splits a Cypher script into statements: `;` at the end of a line ends one; `//` lines are comments. */
export function splitCypherScript(script: string): string[] {
  const withoutComments = script
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return withoutComments
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

export async function applySchema(runner: QueryRunner): Promise<void> {
  // Schema changes cannot share a transaction with each other or with data writes: one statement each.
  for (const statement of splitCypherScript(readFileSync(GRAPH_SCHEMA_FILE, 'utf8'))) {
    await runner.write('apply-schema', statement);
  }
  await runner.read('await-indexes', 'CALL db.awaitIndexes(120)');
}

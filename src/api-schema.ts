/**
 * Internal: the GraphQL schema text the server serves. schema.graphql is the contract; its model part (enums and
 * kind types) is derived from a knowledge model, so a server built for another model (a test's extended
 * vocabulary) serves the same hand-written contract with that model's part.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { schemaSdlFor } from './model/render-model-sdl.ts';
import { VOCABULARY, type Vocabulary } from './model/vocabulary.ts';

export const GRAPHQL_SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));

/** schema.graphql as it is for this server's model (`npm run codegen:check` holds the file to that), else re-derived. */
export function loadTypeDefs(vocabulary: Vocabulary = VOCABULARY): string {
  const text = readFileSync(GRAPHQL_SCHEMA_FILE, 'utf8');
  return vocabulary === VOCABULARY ? text : schemaSdlFor(text, vocabulary);
}

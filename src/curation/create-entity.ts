/**
 * Internal: createEntity as a curated write: a new entity with one citation, validated like a data file's, in the
 * cited document.
 */
import type { Transaction } from '../db/query-runner.ts';
import { BadUserInputError } from '../errors.ts';
import type { Vocabulary } from '../model/vocabulary.ts';
import { claimEntityId, entityExists } from '../store/entity-claims.ts';
import { writeEntities } from '../store/write-graph.ts';
import { markCuratedEntity, type Stamp } from '../store/curated-facts.ts';
import { toCitation, validateCuratedFact, withoutNulls, type CitationInput } from './validate-curated-fact.ts';

export interface CreateEntityInput {
  id: string;
  kind: string;
  name: string;
  aliases?: string[] | null;
  description?: string | null;
  note?: string | null;
  properties?: Record<string, unknown> | null;
  citation: CitationInput;
}

/**
 * Returns the touched ids: the new entity's. Written by the seed's own entity writer, with its Citation node, so it
 * reads (sources, Document.facts) exactly like a seeded entity.
 */
export async function createEntity(
  tx: Transaction,
  input: CreateEntityInput,
  stamp: Stamp,
  vocabulary: Vocabulary,
): Promise<string[]> {
  const { citation, ...fields } = input;
  const graph = await validateCuratedFact(
    tx,
    { entity: { ...withoutNulls(fields), sources: [toCitation(citation)] } },
    citation.documentId,
    [input.id],
    vocabulary,
  );
  if (await entityExists(tx, input.id)) {
    throw new BadUserInputError('input.id', `input.id: an entity "${input.id}" exists already; use updateEntity`);
  }
  // A concurrent create of the same id fails on the unique constraint when this one commits.
  await claimEntityId(tx, input.id);
  await writeEntities(tx, graph.entities, undefined, vocabulary);
  await markCuratedEntity(tx, input.id, stamp);
  return [input.id];
}

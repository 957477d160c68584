/**
 * Internal: link as a curated write: a new relationship with one citation, validated like a data file's (both
 * ends exist, the type allows their kinds, the citation holds), in the cited document.
 */
import type { Transaction } from '../db/query-runner.ts';
import { BadUserInputError } from '../errors.ts';
import { relationshipId } from '../model/identity.ts';
import { PROGRAM_KEY } from '../model/property-keys.ts';
import type { Vocabulary } from '../model/vocabulary.ts';
import { relationshipExists } from '../store/relationship-records.ts';
import { writeRelationships } from '../store/write-graph.ts';
import { lockEntity } from '../store/lock-entity.ts';
import { markCuratedRelationship, type Stamp } from '../store/curated-facts.ts';
import { toCitation, validateCuratedFact, withoutNulls, type CitationInput } from './validate-curated-fact.ts';

export interface LinkInput {
  type: string;
  from: string;
  to: string;
  key?: string | null;
  properties?: Record<string, unknown> | null;
  note?: string | null;
  citation: CitationInput;
}

/**
 * Returns the touched ids: the relationship's, then its ends. Written by the seed's own relationship writer, with
 * its Citation node, so it reads (sources, Document.facts) exactly like a seeded relationship.
 */
export async function linkEntities(
  tx: Transaction,
  input: LinkInput,
  stamp: Stamp,
  vocabulary: Vocabulary,
): Promise<string[]> {
  await lockEntity(tx, input.from);
  const { citation, ...fields } = input;
  const program = input.properties?.[PROGRAM_KEY];
  const graph = await validateCuratedFact(
    tx,
    { relationship: { ...withoutNulls(fields), sources: [toCitation(citation)] } },
    citation.documentId,
    [input.from, input.to, ...(typeof program === 'string' ? [program] : [])],
    vocabulary,
  );
  const id = relationshipId({ type: input.type, source: input.from, target: input.to, key: input.key ?? '' });
  if (await relationshipExists(tx, input.from, id)) {
    throw new BadUserInputError(
      'input.key',
      `input.key: the relationship ${id} exists already; give a distinct key if another one is meant`,
    );
  }
  await writeRelationships(tx, graph.relationships);
  await markCuratedRelationship(tx, { id, source: input.from }, stamp);
  return [id, input.from, input.to];
}

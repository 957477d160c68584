/**
 * Internal: updateEntity as a curated write. The fields given replace the stored ones; the citation, which must
 * quote the entity's own document, is added to its sources. The result is validated like a data file's entity
 * and written in write-graph's format, so a curated entity reads exactly like a seeded one.
 */
import type { Transaction } from '../db/query-runner.ts';
import { BadUserInputError } from '../errors.ts';
import { toEntityRow } from '../graph/rows.ts';
import type { Citation } from '../model/data-file-schema.ts';
import type { Vocabulary } from '../model/vocabulary.ts';
import { readStoredEntity } from '../store/entity-claims.ts';
import { writeEntities } from '../store/write-graph.ts';
import { lockEntity } from '../store/lock-entity.ts';
import { markCuratedEntity, type Stamp } from '../store/curated-facts.ts';
import { toCitation, validateCuratedFact, withoutNulls, type CitationInput } from './validate-curated-fact.ts';

export interface UpdateEntityInput {
  id: string;
  name?: string | null;
  aliases?: string[] | null;
  description?: string | null;
  note?: string | null;
  properties?: Record<string, unknown> | null;
  citation: CitationInput;
}

/**
 * Returns the touched ids: the entity's. Its stored citations keep their ids (`<id>@<n>`); the new one is the next.
 */
export async function updateEntity(
  tx: Transaction,
  input: UpdateEntityInput,
  stamp: Stamp,
  vocabulary: Vocabulary,
): Promise<string[]> {
  await lockEntity(tx, input.id);
  const props = await readStoredEntity(tx, input.id);
  if (props === undefined) {
    throw new BadUserInputError('input.id', `input.id: there is no entity "${input.id}"; use createEntity`);
  }
  const stored = toEntityRow(props);
  if (input.citation.documentId !== stored.documentId) {
    throw new BadUserInputError(
      'input.citation.documentId',
      `input.citation.documentId: "${input.id}" belongs to document "${stored.documentId}"; cite that document`,
    );
  }
  const { citation, ...changes } = input;
  const merged = {
    id: stored.id,
    kind: stored.kind,
    name: stored.name,
    aliases: stored.aliases,
    ...withoutNulls({ description: stored.description, note: stored.note }),
    properties: stored.properties,
    ...withoutNulls(changes),
  };
  const newCitation = toCitation(citation);
  const graph = await validateCuratedFact(
    tx,
    { entity: { ...merged, sources: [newCitation] } },
    stored.documentId,
    [stored.id],
    vocabulary,
  );
  const storedSources: Citation[] = stored.sources.map(({ documentId: _documentId, ...c }) => c);
  const entities = graph.entities.map((e) => ({ ...e, sources: [...storedSources, newCitation] }));
  await writeEntities(tx, entities, undefined, vocabulary);
  await markCuratedEntity(tx, stored.id, stamp);
  return [stored.id];
}

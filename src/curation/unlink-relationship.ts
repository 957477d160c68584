/**
 * Internal: unlink as a curated write: removes a relationship and its citations, and records the removal in the
 * CuratedFact registry so that a re-seed does not bring it back.
 */
import type { Transaction } from '../db/query-runner.ts';
import { BadUserInputError } from '../errors.ts';
import { lockEntity } from '../store/lock-entity.ts';
import { deleteRelationship } from '../store/relationship-records.ts';
import { markRemovedRelationship, type Stamp } from '../store/curated-facts.ts';

export interface UnlinkInput {
  id: string;
  reason: string;
}

/** A relationship id (src/model/identity.ts): `TYPE:source->target`, with `#key` when there is a key. */
const RELATIONSHIP_ID =
  /^([A-Z][A-Z_]*):([a-z]+:[a-z0-9]+(?:-[a-z0-9]+)*)->([a-z]+:[a-z0-9]+(?:-[a-z0-9]+)*)(?:#[a-z0-9]+(?:-[a-z0-9]+)*)?$/;

/** Returns the touched ids: the relationship's, then its ends. */
export async function unlinkRelationship(tx: Transaction, input: UnlinkInput, stamp: Stamp): Promise<string[]> {
  const match = RELATIONSHIP_ID.exec(input.id);
  if (!match?.[2]) {
    throw new BadUserInputError(
      'input.id',
      `input.id: not a relationship id of the form TYPE:source->target (with #key if it has one), got ${JSON.stringify(input.id)}`,
    );
  }
  if (input.reason.trim().length === 0) {
    throw new BadUserInputError('input.reason', 'input.reason: say why the relationship goes');
  }
  await lockEntity(tx, match[2]);
  const removed = await deleteRelationship(tx, match[2], input.id);
  if (removed === undefined) {
    throw new BadUserInputError('input.id', `input.id: there is no relationship ${input.id}`);
  }
  await markRemovedRelationship(tx, input.id, stamp);
  return [input.id, removed.source, removed.target];
}

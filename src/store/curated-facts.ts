/**
 * Internal: what a curated write leaves on the facts it touches. The entity or relationship gets `curatedBy` and
 * `curatedAt` (who and when, beside the data), and its id goes into the CuratedFact registry, which the seed reads
 * so that it never overwrites, removes or re-creates a curated fact (src/store/write-graph.ts).
 */
import type { Transaction } from '../db/query-runner.ts';
import { curationMark } from '../model/stored-properties.ts';

/** Takes: $id, $curator, $at, $state ('present' or 'removed'), $subject ('entity' or 'relationship'). */
const REGISTER = `
MERGE (f:CuratedFact {id: $id})
SET f.subject = $subject, f.state = $state, f.curatedBy = $curator, f.curatedAt = $at`;

/** Takes: $id, $mark (src/model/stored-properties.ts: curationMark). */
const MARK_ENTITY = `
MATCH (n:Entity {id: $id})
SET n += $mark`;

/** Takes: $id, $source, $mark. */
const MARK_RELATIONSHIP = `
MATCH (:Entity {id: $source})-[r]->(:Entity)
WHERE r.id = $id
SET r += $mark`;

export interface Stamp {
  curator: string;
  at: string;
}

export async function markCuratedEntity(tx: Transaction, id: string, stamp: Stamp): Promise<void> {
  await tx.run(MARK_ENTITY, { id, mark: curationMark(stamp) });
  await tx.run(REGISTER, { id, subject: 'entity', state: 'present', ...stamp });
}

export async function markCuratedRelationship(
  tx: Transaction,
  relationship: { id: string; source: string },
  stamp: Stamp,
): Promise<void> {
  await tx.run(MARK_RELATIONSHIP, { ...relationship, mark: curationMark(stamp) });
  await tx.run(REGISTER, { id: relationship.id, subject: 'relationship', state: 'present', ...stamp });
}

/** A removed relationship stays in the registry, so a re-seed does not bring it back. */
export async function markRemovedRelationship(tx: Transaction, id: string, stamp: Stamp): Promise<void> {
  await tx.run(REGISTER, { id, subject: 'relationship', state: 'removed', ...stamp });
}

/**
 * Internal: serialises curated writes on one entity. Taking the entity's write lock first makes a concurrent write
 * on it wait until this transaction ends, and then read what it committed (Neo4j reads committed data), so two
 * writes never both pass a check ("no such relationship yet") or both extend the same list of sources.
 */
import type { Transaction } from '../db/query-runner.ts';
import { LOCK_KEY } from '../model/stored-properties.ts';

/**
 * Takes: $id. Setting and removing a property (LOCK_KEY, reserved) takes the node's write lock, held until the
 * transaction ends.
 */
const LOCK_ENTITY = `
MATCH (n:Entity {id: $id})
SET n.${LOCK_KEY} = true
REMOVE n.${LOCK_KEY}`;

export async function lockEntity(tx: Transaction, id: string): Promise<void> {
  await tx.run(LOCK_ENTITY, { id });
}

/**
 * Internal: the statements a curated write on one entity runs before writing it (src/curation/): whether the id is
 * taken, claiming a new id, and reading the stored entity to change.
 */
import type { Transaction } from '../db/query-runner.ts';

/** Takes: $id. */
const ENTITY_EXISTS = 'MATCH (n:Entity {id: $id}) RETURN n.documentId AS documentId';

/**
 * Takes: $id. Claims the id: a concurrent create of the same id fails on the unique constraint when this one
 * commits (and is run again, to answer that the id is taken), instead of overwriting it.
 */
const CLAIM_ID = 'CREATE (:Entity {id: $id})';

/** Takes: $id. Returns the stored entity's properties. */
const READ_ENTITY = 'MATCH (n:Entity {id: $id}) RETURN properties(n) AS props';

export async function entityExists(tx: Transaction, id: string): Promise<boolean> {
  return (await tx.run(ENTITY_EXISTS, { id })).length > 0;
}

export async function claimEntityId(tx: Transaction, id: string): Promise<void> {
  await tx.run(CLAIM_ID, { id });
}

/** The stored properties of entity `id`, read in the write's transaction; undefined when there is none. */
export async function readStoredEntity(tx: Transaction, id: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await tx.run<{ props: Record<string, unknown> }>(READ_ENTITY, { id });
  return row?.props;
}

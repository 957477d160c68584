/**
 * Internal: the statements a curated write on one relationship runs besides the writer
 * (src/store/write-graph.ts): whether its id is taken, and removing it with its citations.
 */
import type { Transaction } from '../db/query-runner.ts';
import { recountDegrees } from './entity-degrees.ts';

/** Takes: $source, $id. */
const RELATIONSHIP_EXISTS = `
MATCH (:Entity {id: $source})-[r]->(:Entity)
WHERE r.id = $id
RETURN r.id AS id`;

/** Takes: $source, $id. Deletes the relationship and the citations of it; returns its ends. */
const DELETE_RELATIONSHIP = `
MATCH (a:Entity {id: $source})-[r]->(b:Entity)
WHERE r.id = $id
DELETE r
WITH a, b
OPTIONAL MATCH (c:Citation) WHERE c.id STARTS WITH $id + '@' AND c.relationshipId = $id
DETACH DELETE c
RETURN DISTINCT a.id AS source, b.id AS target`;

export async function relationshipExists(tx: Transaction, source: string, id: string): Promise<boolean> {
  return (await tx.run(RELATIONSHIP_EXISTS, { source, id })).length > 0;
}

/**
 * Deletes relationship `id` of entity `source` and its citations, and recounts its ends' degrees; its ends, or
 * undefined when there was none.
 */
export async function deleteRelationship(
  tx: Transaction,
  source: string,
  id: string,
): Promise<{ source: string; target: string } | undefined> {
  const [removed] = await tx.run<{ source: string; target: string }>(DELETE_RELATIONSHIP, { source, id });
  if (removed) await recountDegrees(tx, [removed.source, removed.target]);
  return removed;
}

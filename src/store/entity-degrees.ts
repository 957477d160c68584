/**
 * Internal: each entity's degree stored on it as `degree`: how many relationships it has, of any type, in either
 * direction (every relationship links two entities). Stored so that "most connected first" is read from an index
 * (cypher/schema.cypher: entity_degree, entity_kind_degree) in the order a page needs, rather than counted for
 * every entity of a kind on every request.
 *
 * Every writer keeps it, in its own transaction, so no reader sees a degree that disagrees with the relationships:
 * the batch writers (write-graph.ts, create-graph.ts) recount the entities whose relationships they wrote or whose
 * properties they replaced, and each removal recounts the entities it cut relationships from. A degree is
 * recounted from the relationships, never incremented, so a write run twice, resumed after a crash, or racing
 * another leaves it right. The count itself is Neo4j's per-node degree (`COUNT { (n)--() }`), which reads the
 * node's relationship-group counts, not its relationships.
 */
import type { QueryRunner, Transaction } from '../db/query-runner.ts';
import { batches } from './graph-rows.ts';

/** Entities recounted per statement. */
const RECOUNT_STATEMENT_SIZE = 5_000;

/** Takes: $ids. Stores each entity's degree on it; an id with no entity is skipped. */
const RECOUNT_DEGREES = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n.degree = COUNT { (n)--() }`;

/** Takes: $limit. Stores the degree of up to $limit entities without one; returns how many. */
const STORE_MISSING_DEGREES = `
MATCH (n:Entity)
WHERE n.degree IS NULL
WITH n LIMIT toInteger($limit)
SET n.degree = COUNT { (n)--() }
RETURN count(n) AS stored`;

/** Recounts and stores the degree of these entities (duplicates and ids of removed entities are fine). */
export async function recountDegrees(tx: Pick<Transaction, 'run'>, ids: Iterable<string>): Promise<void> {
  for (const batch of batches([...new Set(ids)], RECOUNT_STATEMENT_SIZE)) {
    await tx.run(RECOUNT_DEGREES, { ids: batch });
  }
}

/**
 * Stores the degree of every entity that has none (a database written before degrees were stored), one write
 * transaction per batch; returns how many. When every entity has one, this reads the entities once and writes
 * nothing.
 */
export async function storeMissingDegrees(runner: QueryRunner, batchSize = 20_000): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await runner.write<{ stored: number }>('entity-degrees.store-missing', STORE_MISSING_DEGREES, {
      limit: batchSize,
    });
    const stored = Number(row?.stored ?? 0);
    total += stored;
    if (stored < batchSize) return total;
  }
}

/**
 * Internal: the graph's version, a counter every writer bumps in its own transaction (a seed or import, a
 * generator batch, a curated write). Cached analytics are keyed by it (src/graph/graph-version.ts reads it), and
 * since it lives in Neo4j, several server replicas behind one load balancer agree on it.
 */
import type { Transaction } from '../db/query-runner.ts';
import { LOCK_KEY } from '../model/stored-properties.ts';

const BUMP_GRAPH_VERSION = `
MERGE (v:GraphVersion {id: 'graph'})
SET v.version = coalesce(v.version, 0) + 1
RETURN v.version AS version`;

/**
 * Bumps the version and returns the new one. The node's write lock is held until the transaction ends, so the
 * versions of committed writes follow their commit order (the change feed reads the audit log in that order).
 */
export async function bumpGraphVersion(tx: Transaction): Promise<number> {
  const [row] = await tx.run<{ version: number }>(BUMP_GRAPH_VERSION);
  return Number(row?.version);
}

/**
 * Takes the version node's write lock (held until the transaction ends) without changing it: a writer that takes
 * it first runs after every writer that holds it, and sees what they committed (src/curation/run-curated-write.ts).
 */
const LOCK_GRAPH_VERSION = `
MERGE (v:GraphVersion {id: 'graph'})
SET v.${LOCK_KEY} = true
REMOVE v.${LOCK_KEY}`;

export async function lockGraphVersion(tx: Transaction): Promise<void> {
  await tx.run(LOCK_GRAPH_VERSION);
}

/** Takes: $atLeast. */
const RAISE_GRAPH_VERSION = `
MERGE (v:GraphVersion {id: 'graph'})
SET v.version = CASE WHEN coalesce(v.version, 0) < $atLeast THEN $atLeast ELSE v.version END`;

/**
 * Raises the version to at least `atLeast` (a restore's audit entries carry the versions their writes produced),
 * so the writes after a restore get versions above every restored entry's and the change feed keeps its order.
 */
export async function raiseGraphVersion(tx: Transaction, atLeast: number): Promise<void> {
  await tx.run(RAISE_GRAPH_VERSION, { atLeast });
}

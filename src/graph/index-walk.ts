/**
 * Internal: a page that walks an entity index in its own order, so it reads its offset and its rows, not every
 * entity: by `nameKey`, `id` or the stored `degree`, alone (every kind) or after `kind` (one kind;
 * cypher/schema.cypher). Two things make Neo4j take the walk:
 *
 * - With a kind, the ORDER BY leads with the kind, in the walk's direction. The kind is one value, so the order is
 *   the same; ordered by the key alone, Neo4j does not see that the (kind, key) index gives it, and sorts every
 *   entity of the kind.
 * - Without a filter, the MATCH names the index (`USING INDEX`): on a small kind, or with index samples from an
 *   older graph, Neo4j may otherwise seek the kind alone and sort it. With a filter Neo4j chooses (it may seek the
 *   filter's own index, and a hint it cannot honour is an error).
 */

/** A stored entity key an index orders by. */
export type WalkedKey = 'nameKey' | 'id' | 'degree';

/** The MATCH and WHERE of the entities `n` (of $kind with `withKind`) that have `key`; the caller adds `AND ...`. */
export function indexWalk(key: WalkedKey, withKind: boolean, hinted: boolean): string {
  const index = withKind ? `kind, ${key}` : key;
  const seek = withKind ? `n.kind = $kind AND n.${key} IS NOT NULL` : `n.${key} IS NOT NULL`;
  return `MATCH (n:Entity)${hinted ? `\nUSING INDEX n:Entity(${index})` : ''}\nWHERE ${seek}`;
}

/** The ORDER BY keys of a walk: `keys` (the walked key first), led by the kind when there is one. */
export function walkOrder(keys: readonly string[], withKind: boolean, descending: boolean): string[] {
  return withKind ? [descending ? 'n.kind DESC' : 'n.kind', ...keys] : [...keys];
}

/**
 * Internal: the one order of entity and relationship ids in the analytics: UTF-16 code units, the order of
 * `Array.prototype.sort` without a comparator. Locale-free, so a result never depends on where the server runs.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

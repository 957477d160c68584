/**
 * Internal: the bounded cache of analytics results. An answer depends on the graph it was computed on and on the
 * parameters, so it is keyed by both: a new graph version simply stops hitting the old entries, which age out.
 *
 * A small LRU on Map insertion order (a hit moves the entry to the end, eviction takes the first) rather than the
 * `lru-cache` package: that is only in node_modules as a dependency of @apollo/server, not of this application.
 */

/** What parameters may hold: JSON values. Arrays keep their order (sort set-like lists before passing them). */
export type CacheParameter =
  string | number | boolean | null | readonly CacheParameter[] | { readonly [key: string]: CacheParameter | undefined };

/**
 * A least-recently-used cache of at most `maxEntries` results, keyed by graph version and parameters. The key is
 * canonical JSON: object keys sorted at every depth, keys whose value is `undefined` left out, so `{a, b}` and
 * `{b, a}` are one entry. `hits`, `misses` and `size` are there for metrics.
 */
export class AnalyticsCache<V> {
  readonly maxEntries: number;
  readonly #entries = new Map<string, V>();
  #hits = 0;
  #misses = 0;

  /** @throws RangeError when `maxEntries` is not a positive integer. */
  constructor(maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`An analytics cache needs a positive integer maxEntries, got ${maxEntries}`);
    }
    this.maxEntries = maxEntries;
  }

  /** Lookups that found an entry, since creation. */
  get hits(): number {
    return this.#hits;
  }

  /** Lookups that found none, since creation. */
  get misses(): number {
    return this.#misses;
  }

  /** Entries held now, at most `maxEntries`. */
  get size(): number {
    return this.#entries.size;
  }

  /** The cached result (now the most recently used), or undefined; counts a hit or a miss. */
  get(version: string | number, parameters: CacheParameter): V | undefined {
    const key = cacheKey(version, parameters);
    if (!this.#entries.has(key)) {
      this.#misses += 1;
      return undefined;
    }
    this.#hits += 1;
    const value = this.#entries.get(key) as V;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  /** Stores a result as the most recently used, evicting the least recently used beyond `maxEntries`. */
  set(version: string | number, parameters: CacheParameter, value: V): void {
    this.#store(cacheKey(version, parameters), value);
  }

  /**
   * The cached result, else `compute()`'s, stored. A promise is stored as it is, so concurrent requests for the
   * same answer share one computation; if it rejects, its entry is removed and the next request computes again.
   */
  getOrCompute(version: string | number, parameters: CacheParameter, compute: () => V): V {
    const key = cacheKey(version, parameters);
    if (this.#entries.has(key)) {
      this.#hits += 1;
      const value = this.#entries.get(key) as V;
      this.#store(key, value);
      return value;
    }
    this.#misses += 1;
    const value = compute();
    this.#store(key, value);
    if (value instanceof Promise) {
      value.catch(() => {
        if (this.#entries.get(key) === value) this.#entries.delete(key);
      });
    }
    return value;
  }

  /** Drops every entry; the counters keep counting. */
  clear(): void {
    this.#entries.clear();
  }

  #store(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.#entries.delete(oldest.value);
    }
  }
}

function cacheKey(version: string | number, parameters: CacheParameter): string {
  return JSON.stringify([version, canonical(parameters)]);
}

/** The parameters with object keys sorted; anything that is not plain JSON is refused rather than mis-keyed. */
function canonical(value: CacheParameter | undefined): CacheParameter | undefined {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: CacheParameter) => canonical(item) ?? null);
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    // A Set or Map would serialise as {} and collide with every other.
    throw new TypeError('Analytics cache parameters must be plain JSON values (no Set, Map or class instances)');
  }
  const sorted: Record<string, CacheParameter> = {};
  for (const key of Object.keys(value).sort()) {
    const item = canonical((value as Record<string, CacheParameter | undefined>)[key]);
    if (item !== undefined) sorted[key] = item;
  }
  return sorted;
}

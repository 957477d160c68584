/**
 * Internal: the bounded cache of cost estimates (cost-model.ts), so a client that sends the same operation again
 * does not pay for the estimate again. An estimate depends on the document, the operation chosen in it and, when
 * the operation declares variables, their values (a `$first` multiplies a page); the key holds exactly those. Keys
 * come from what clients send, so the cache is an LRU of at most `maxEntries`, and an operation whose variables
 * are long (an import's input, say) is estimated every time rather than held.
 */
import { LRUCache } from 'lru-cache';

/** What estimating an operation gave: its cost, or that it has too many fields to count. */
export type CostEstimate = number | 'too-many-nodes';

/** Entries held by default: a few thousand distinct operations, a few hundred kilobytes. */
const COST_ESTIMATE_CACHE_SIZE = 2_000;
/** Variables longer than this, as JSON, are not part of a key: such an operation is estimated every time. */
const MAX_VARIABLES_KEY_LENGTH = 2_000;

/** What the operation that is estimated is: the document's hash, the operation's name, its variables. */
export interface EstimatedOperation {
  /** A hash of the document's text (Apollo's `queryHash`). */
  queryHash: string;
  operationName: string | null | undefined;
  /** Whether the operation declares variables (when it does not, their values cannot change its cost). */
  hasVariables: boolean;
  variables: Record<string, unknown> | undefined;
}

export class CostEstimateCache {
  readonly maxEntries: number;
  readonly #entries: LRUCache<string, CostEstimate>;
  #hits = 0;
  #misses = 0;

  /** @throws RangeError when `maxEntries` is not a positive integer. */
  constructor(maxEntries: number = COST_ESTIMATE_CACHE_SIZE) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`The cost estimate cache needs a positive integer maxEntries, got ${maxEntries}`);
    }
    this.maxEntries = maxEntries;
    this.#entries = new LRUCache({ max: maxEntries });
  }

  /** Lookups answered from the cache, since creation. */
  get hits(): number {
    return this.#hits;
  }

  /** Lookups that had to estimate, since creation. */
  get misses(): number {
    return this.#misses;
  }

  /** Entries held now, at most `maxEntries`. */
  get size(): number {
    return this.#entries.size;
  }

  /** The operation's estimate, from the cache or from `estimate` (which may throw: nothing is cached then). */
  estimate(operation: EstimatedOperation, estimate: () => CostEstimate): CostEstimate {
    const key = keyOf(operation);
    const cached = key === undefined ? undefined : this.#entries.get(key);
    if (cached !== undefined) {
      this.#hits += 1;
      return cached;
    }
    this.#misses += 1;
    const value = estimate();
    if (key !== undefined) this.#entries.set(key, value);
    return value;
  }
}

/** The cache key, or undefined when the operation's variables are too long to hold. */
function keyOf({ queryHash, operationName, hasVariables, variables }: EstimatedOperation): string | undefined {
  const variablesKey = hasVariables ? JSON.stringify(variables ?? {}) : '';
  if (variablesKey.length > MAX_VARIABLES_KEY_LENGTH) return undefined;
  // A newline cannot occur in a hash or an operation name, so the parts cannot run into each other.
  return `${queryHash}\n${operationName ?? ''}\n${variablesKey}`;
}

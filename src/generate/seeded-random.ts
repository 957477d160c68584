/**
 * Internal: the generator's randomness. A seeded xoroshiro128+ (pure-rand) per named stream, so each part of the
 * synthetic graph draws from its own sequence and changing one part never shifts another.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Random {
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** A number in [0, 1). */
  unit(): number;
  pick<T>(items: readonly T[]): T;
  /** An index in [0, weights.length) drawn with the given cumulative weights (see zipfCumulative). */
  weighted(cumulative: Float64Array): number;
}

/** FNV-1a of the stream name mixed with the seed: the stream's own 32-bit seed. */
function streamSeed(seed: number, stream: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < stream.length; i += 1) {
    hash ^= stream.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

const UNIT = 2 ** 31;

export function createRandom(seed: number, stream: string): Random {
  const rng = xoroshiro128plus(streamSeed(seed, stream));
  const unit = (): number => uniformInt(rng, 0, UNIT - 1) / UNIT;
  return {
    int: (min, max) => uniformInt(rng, min, max),
    unit,
    pick: (items) => {
      const item = items[uniformInt(rng, 0, items.length - 1)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
    weighted: (cumulative) => {
      const total = cumulative[cumulative.length - 1] ?? 0;
      const target = unit() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((cumulative[middle] ?? 0) > target) high = middle;
        else low = middle + 1;
      }
      return low;
    },
  };
}

/**
 * Cumulative Zipf weights for `count` ranks with exponent `s`: rank 0 is drawn most often, rank k about
 * (k + 1)^-s as often. This is the skew of the synthetic graph (a few hub countries and materials).
 */
export function zipfCumulative(count: number, s: number): Float64Array {
  const cumulative = new Float64Array(count);
  let total = 0;
  for (let k = 0; k < count; k += 1) {
    total += 1 / (k + 1) ** s;
    cumulative[k] = total;
  }
  return cumulative;
}

import { describe, expect, it } from 'vitest';
import { AnalyticsCache } from '../../../src/analytics/analytics-cache.ts';

describe('AnalyticsCache', () => {
  it('counts a miss, then hits, for the same version and parameters', () => {
    const cache = new AnalyticsCache<string>(10);
    expect(cache.get(1, { measure: 'PAGERANK' })).toBeUndefined();
    cache.set(1, { measure: 'PAGERANK' }, 'ranking');
    expect(cache.get(1, { measure: 'PAGERANK' })).toBe('ranking');
    expect(cache.get(1, { measure: 'PAGERANK' })).toBe('ranking');
    expect([cache.hits, cache.misses, cache.size]).toEqual([2, 1, 1]);
  });

  it('keys by graph version: a new version misses', () => {
    const cache = new AnalyticsCache<string>(10);
    cache.set('v1', { measure: 'DEGREE' }, 'old');
    expect(cache.get('v2', { measure: 'DEGREE' })).toBeUndefined();
    expect(cache.get('v1', { measure: 'DEGREE' })).toBe('old');
  });

  it('keys by parameters as canonical JSON: key order and undefined do not matter, array order does', () => {
    const cache = new AnalyticsCache<string>(10);
    cache.set(1, { from: 'a', to: 'b', options: { k: 3, maxHops: 4 } }, 'paths');
    expect(cache.get(1, { options: { maxHops: 4, k: 3 }, to: 'b', from: 'a', types: undefined })).toBe('paths');
    cache.set(1, { types: ['OWNS', 'SUPPLIES'] }, 'sorted');
    expect(cache.get(1, { types: ['SUPPLIES', 'OWNS'] })).toBeUndefined();
    expect(cache.get(1, { types: ['OWNS', 'SUPPLIES'] })).toBe('sorted');
  });

  it('refuses parameters that JSON would flatten to {}', () => {
    const cache = new AnalyticsCache<string>(10);
    expect(() => cache.get(1, { types: new Set(['OWNS']) as never })).toThrow(TypeError);
  });

  it('evicts the least recently used entry beyond maxEntries', () => {
    // Capacity 2: A, B stored; reading A makes B the least recent; storing C evicts B.
    const cache = new AnalyticsCache<string>(2);
    cache.set(1, { q: 'A' }, 'a');
    cache.set(1, { q: 'B' }, 'b');
    expect(cache.get(1, { q: 'A' })).toBe('a');
    cache.set(1, { q: 'C' }, 'c');
    expect(cache.size).toBe(2);
    expect(cache.get(1, { q: 'B' })).toBeUndefined();
    expect(cache.get(1, { q: 'A' })).toBe('a');
    expect(cache.get(1, { q: 'C' })).toBe('c');
  });

  it('computes once per key in getOrCompute, and refreshes recency on a hit', () => {
    const cache = new AnalyticsCache<number>(2);
    let computed = 0;
    const compute = (): number => (computed += 1);
    expect(cache.getOrCompute(1, { q: 'A' }, compute)).toBe(1);
    expect(cache.getOrCompute(1, { q: 'A' }, compute)).toBe(1);
    expect([computed, cache.hits, cache.misses]).toEqual([1, 1, 1]);
    // A, then B; a hit on A makes B the oldest, so C evicts B and A is still there.
    cache.getOrCompute(1, { q: 'B' }, compute);
    cache.getOrCompute(1, { q: 'A' }, compute);
    cache.getOrCompute(1, { q: 'C' }, compute);
    expect(cache.get(1, { q: 'A' })).toBe(1);
    expect(cache.get(1, { q: 'B' })).toBeUndefined();
  });

  it('shares a pending promise, and forgets it if it rejects', async () => {
    const cache = new AnalyticsCache<Promise<string>>(10);
    let calls = 0;
    const failing = (): Promise<string> => {
      calls += 1;
      return Promise.reject(new Error('database unavailable'));
    };
    const first = cache.getOrCompute(1, { q: 'A' }, failing);
    // A second request while the first is pending gets the same promise, no second computation.
    expect(cache.getOrCompute(1, { q: 'A' }, failing)).toBe(first);
    await expect(first).rejects.toThrow('database unavailable');
    expect(cache.size).toBe(0);
    await expect(cache.getOrCompute(1, { q: 'A' }, () => Promise.resolve('ok'))).resolves.toBe('ok');
    expect(calls).toBe(1);
    expect(cache.size).toBe(1);
  });

  it.each([0, -1, 2.5])('refuses maxEntries = %s', (maxEntries) => {
    expect(() => new AnalyticsCache(maxEntries)).toThrow(RangeError);
  });
});

/**
 * AdaptiveConcurrencyLimit (src/limits/adaptive-concurrency-limit.ts): the limit of heavy operations learnt from
 * their run times. Expected limits are worked by hand from the rule: queued = estimate x (1 - noLoad / recent);
 * below 0.5 the estimate grows by 1/estimate (while the limit is used), above 1 it shrinks by 1/estimate; a drop
 * halves it.
 */
import { describe, expect, it } from 'vitest';
import { AdaptiveConcurrencyLimit } from '../../src/limits/adaptive-concurrency-limit.ts';

/** `count` operations of `runMs` each, every one with the limit fully used. */
function feed(limit: AdaptiveConcurrencyLimit, runMs: number, count: number): void {
  for (let i = 0; i < count; i += 1) limit.record(runMs, limit.limit);
}

describe('AdaptiveConcurrencyLimit', () => {
  it('starts at its minimum and grows by about one per `limit` completions while run times hold', () => {
    const limit = new AdaptiveConcurrencyLimit({ min: 1, max: 8 });
    expect(limit.limit).toBe(1);
    feed(limit, 100, 1); // 1 + 1/1 = 2
    expect(limit.limit).toBe(2);
    feed(limit, 100, 2); // 2 + 1/2 = 2.5, 2.5 + 1/2.5 = 2.9
    expect(limit.limit).toBe(2);
    feed(limit, 100, 1); // 2.9 + 1/2.9 = 3.24
    expect(limit.limit).toBe(3);
  });

  it('stops at its maximum', () => {
    const limit = new AdaptiveConcurrencyLimit({ min: 1, max: 3 });
    feed(limit, 100, 50);
    expect(limit.limit).toBe(3);
  });

  it('does not grow while the limit is not used: an idle limit says nothing about capacity', () => {
    const limit = new AdaptiveConcurrencyLimit({ min: 1, max: 8, initial: 4 });
    for (let i = 0; i < 20; i += 1) limit.record(100, 1);
    expect(limit.limit).toBe(4);
  });

  it('shrinks when the run times rise above the no-load time, down to where the extra is less than one', () => {
    const limit = new AdaptiveConcurrencyLimit({ min: 1, max: 8, initial: 4 });
    feed(limit, 100, 1);
    expect(limit.limit).toBe(4);
    // Four times slower: queued = L x 0.75 once the average has caught up, over 1 until L < 4/3.
    feed(limit, 400, 40);
    expect(limit.limit).toBe(1);
  });

  it('holds when run times are a little above the no-load time', () => {
    const limit = new AdaptiveConcurrencyLimit({ min: 1, max: 8, initial: 2 });
    feed(limit, 100, 1);
    // 1.5 x slower at 2: queued = 2 x (1 - 1/1.5) = 0.67, between 0.5 and 1.
    feed(limit, 150, 40);
    expect(limit.limit).toBe(2);
  });

  it('halves on a drop (an operation out of time), not below the minimum', () => {
    const limit = new AdaptiveConcurrencyLimit({ min: 1, max: 8, initial: 6 });
    limit.record(100, 6, true);
    expect(limit.limit).toBe(3);
    limit.record(100, 3, true);
    expect(limit.limit).toBe(1);
    limit.record(100, 1, true);
    expect(limit.limit).toBe(1);
  });

  it('measures the no-load time again every `probeEvery` x limit completions', () => {
    const limit = new AdaptiveConcurrencyLimit({ min: 1, max: 1, probeEvery: 10 });
    feed(limit, 100, 5);
    expect(limit.runTimes.noLoadMs).toBe(100);
    // The machine became three times slower for good: the lowest average is forgotten at the next probe.
    feed(limit, 300, 30);
    expect(limit.runTimes.noLoadMs).toBeGreaterThan(250);
  });
});

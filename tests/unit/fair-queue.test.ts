/** FairQueue (src/limits/fair-queue.ts): clients in turn, each client's items in order. */
import { describe, expect, it } from 'vitest';
import { FairQueue } from '../../src/limits/fair-queue.ts';

function queueOf(entries: Array<[string, string]>): FairQueue<string> {
  const queue = new FairQueue<string>();
  for (const [client, item] of entries) queue.push(client, item);
  return queue;
}

describe('FairQueue', () => {
  it('serves clients in turn, so a client with many items waiting holds one turn per round', () => {
    const queue = queueOf([
      ['a', 'a1'],
      ['a', 'a2'],
      ['a', 'a3'],
      ['b', 'b1'],
      ['c', 'c1'],
      ['b', 'b2'],
    ]);
    expect(queue.size).toBe(6);
    expect(queue.clients).toBe(3);
    const served = Array.from({ length: 6 }, () => queue.shift());
    expect(served).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3']);
    expect(queue.shift()).toBeUndefined();
    expect(queue.size).toBe(0);
  });

  it('takes out an item that gave up waiting, and says when it was not there', () => {
    const queue = queueOf([
      ['a', 'a1'],
      ['a', 'a2'],
      ['b', 'b1'],
    ]);
    expect(queue.remove('a', 'a1')).toBe(true);
    expect(queue.remove('a', 'a1')).toBe(false);
    expect(queue.remove('b', 'b1')).toBe(true);
    expect(queue.clients).toBe(1);
    expect(queue.shift()).toBe('a2');
  });

  it('counts the items served before a new one: its own client all, the others up to one round more', () => {
    const queue = queueOf([
      ['a', 'a1'],
      ['a', 'a2'],
      ['a', 'a3'],
      ['b', 'b1'],
    ]);
    expect(queue.servedBefore('c')).toBe(2); // a1, b1
    expect(queue.servedBefore('b')).toBe(3); // b1, and a1 a2 (the new item comes in round 2)
    expect(queue.servedBefore('a')).toBe(4); // a1 a2 a3, b1
  });
});

/** A relationship read by its id alone (a neighborhood whose edges select only `id`): the rest is not guessed. */
import { describe, expect, it } from 'vitest';
import { toRelationshipIdRow } from '../../src/graph/rows.ts';

describe('toRelationshipIdRow', () => {
  it('carries the id, and refuses the fields that were not read rather than answer them wrongly', () => {
    const row = toRelationshipIdRow('rel:abc');
    expect(row.id).toBe('rel:abc');
    expect(JSON.stringify(row)).toBe('{"id":"rel:abc"}');
    for (const read of [() => row.type, () => row.source, () => row.target, () => row.properties, () => row.sources]) {
      expect(read).toThrow(/rel:abc: \w+ was not read/);
    }
  });
});

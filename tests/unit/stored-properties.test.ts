import { describe, expect, it } from 'vitest';
import { createDataFileSchemas } from '../../src/model/data-file-schema.ts';
import { RESERVED_PROPERTY_KEYS, storedEntityProperties } from '../../src/model/stored-properties.ts';

describe('Reserved property keys: whatever a writer stores', () => {
  it('include the curation marks and lock, and the keys the entity and relationship writers set', () => {
    for (const key of ['curatedBy', 'curatedAt', 'curationLock', 'sourcesJson', 'nameKey', 'validFrom', 'key']) {
      expect(RESERVED_PROPERTY_KEYS.has(key), key).toBe(true);
    }
  });

  it("exclude a data file's own property keys", () => {
    const stored = storedEntityProperties({
      id: 'company:x',
      kind: 'Company',
      name: 'X',
      aliases: [],
      properties: { ticker: 'X1' },
      sources: [],
      documentId: 'doc',
    } as never);
    expect(stored['ticker']).toBe('X1');
    expect(RESERVED_PROPERTY_KEYS.has('ticker')).toBe(false);
  });

  it('are refused in a data file, naming the key', () => {
    const { entitySchema } = createDataFileSchemas();
    const result = entitySchema.safeParse({
      id: 'company:x',
      kind: 'Company',
      name: 'X',
      properties: { curatedBy: 'someone' },
      sources: [{ section: 'S', quote: 'q' }],
    });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('"curatedBy\\" is reserved');
  });
});

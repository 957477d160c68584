/**
 * Curated writes under load: many concurrent writes that lock the same entities in opposite orders (links both ways
 * between the same companies, updates of their ends), each sent twice at once with its idempotency key, as a
 * client retrying on a timeout does. Every one succeeds, each key applies exactly once, and the audit log holds one
 * entry per key (src/curation/run-curated-write.ts).
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKey } from '../../../src/config.ts';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';

const NOTES = fileURLToPath(new URL('../../fixtures/curated-writes/notes.yaml', import.meta.url));
const KEY = 'load-key-0123456789abcdef';
const apiKeys: ApiKey[] = [{ curator: 'loader', digest: createHash('sha256').update(KEY).digest() }];
const curator = { authorization: `Bearer ${KEY}` };
const citation = {
  documentId: 'curator-notes',
  section: '2. Ordinary facts',
  quote: 'Acme Rare Earths supplies neon to the Japanese market.',
};

const CREATE = `mutation ($input: CreateEntityInput!, $key: String) {
  createEntity(input: $input, idempotencyKey: $key) { replayed audit { id } }
}`;
const UPDATE = `mutation ($input: UpdateEntityInput!, $key: String) {
  updateEntity(input: $input, idempotencyKey: $key) { replayed audit { id } }
}`;
const LINK = `mutation ($input: LinkInput!, $key: String) {
  link(input: $input, idempotencyKey: $key) { replayed audit { id } }
}`;
const AUDIT_COUNT = `{ auditLog(first: 1) { totalCount } }`;

const COMPANIES = ['a', 'b', 'c', 'd', 'e'].map((letter) => `company:load-${letter}`);

let api: ApiServer;

beforeAll(async () => {
  api = await startApiServer({ apiKeys, extraFiles: [NOTES] });
  for (const id of COMPANIES) {
    const body = await api.graphql(
      CREATE,
      { input: { id, kind: 'Company', name: `Load ${id.slice(-1)}`, citation }, key: `create-${id}` },
      curator,
    );
    expect(body.errors).toBeUndefined();
  }
});

afterAll(async () => {
  await api?.close();
});

describe('concurrent curated writes with idempotency keys', () => {
  it('all succeed, each key applied once, the audit log in step', async () => {
    const before = (await api.graphql(AUDIT_COUNT)).data?.['auditLog'].totalCount as number;
    // Every ordered pair of distinct companies: a -> b and b -> a lock the same two entities in opposite orders.
    const writes: Array<{ query: string; variables: Record<string, unknown> }> = [];
    for (const from of COMPANIES) {
      for (const to of COMPANIES) {
        if (from === to) continue;
        writes.push({
          query: LINK,
          variables: { input: { type: 'INVESTS_IN', from, to, citation }, key: `link-${from}-${to}` },
        });
      }
      writes.push({
        query: UPDATE,
        variables: {
          input: { id: from, description: `updated under load (${from})`, citation },
          key: `update-${from}`,
        },
      });
    }
    // Each write twice at once: the second is a client's retry with the same key.
    const requests = [...writes, ...writes].map((w) => api.graphql(w.query, w.variables, curator));
    const bodies = await Promise.all(requests);

    const failures = bodies.filter((b) => b.errors !== undefined);
    expect(failures.map((b) => `${String(b.errors?.[0]?.extensions?.['code'])}: ${b.errors?.[0]?.message}`)).toEqual(
      [],
    );
    const outcomes = bodies.map((b) => Object.values(b.data ?? {})[0] as { replayed: boolean; audit: { id: string } });
    for (let i = 0; i < writes.length; i += 1) {
      const first = outcomes[i];
      const retry = outcomes[i + writes.length];
      // One of the two applied the write, the other replayed it: the same audit entry.
      expect([first?.replayed, retry?.replayed].sort()).toEqual([false, true]);
      expect(retry?.audit.id).toBe(first?.audit.id);
    }
    const after = (await api.graphql(AUDIT_COUNT)).data?.['auditLog'].totalCount as number;
    expect(after - before).toBe(writes.length);

    const links = await api.db.runner.read<{ links: number }>(
      'test.count-load-links',
      'MATCH (a:Entity)-[r:INVESTS_IN]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN count(r) AS links',
      { ids: COMPANIES },
    );
    expect(links).toEqual([{ links: COMPANIES.length * (COMPANIES.length - 1) }]);
  }, 120_000);
});

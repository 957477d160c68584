/**
 * Read-your-writes through the client (src/read-your-writes.ts, src/db/request-bookmarks.ts), on one instance: a
 * curated write returns its bookmark (header and `extensions.bookmark`), a later request that sends it back has every
 * statement wait for it, a header that is not a bookmark is refused before anything runs, and a bookmark the
 * database has not reached makes the read wait, then fail (docs/operations.md#read-your-writes-on-a-cluster).
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKey } from '../../src/config.ts';
import type { QueryRunner, StatementOptions } from '../../src/db/query-runner.ts';
import { startApiServer, type ApiServer } from '../helpers/api-server.ts';

const NOTES = fileURLToPath(new URL('../fixtures/curated-writes/notes.yaml', import.meta.url));
const KEY = 'bookmark-key-0123456789abcdef';
const apiKeys: ApiKey[] = [{ curator: 'alice', digest: createHash('sha256').update(KEY).digest() }];
const curator = { authorization: `Bearer ${KEY}` };

const CREATE = `mutation ($input: CreateEntityInput!) { createEntity(input: $input) { entity { id } } }`;
const READ = `query ($id: ID!) { entity(id: $id) { id name } }`;
const company = (id: string) => ({
  id,
  kind: 'Company',
  name: 'Acme Rare Earths',
  citation: {
    documentId: 'curator-notes',
    section: '2. Ordinary facts',
    quote: 'Acme Rare Earths supplies neon to the Japanese market.',
  },
});

/** The bookmarks each statement was asked to wait for, in order (what the server's runner was handed). */
const waitedFor: Array<readonly string[] | undefined> = [];
const recording = (runner: QueryRunner): QueryRunner => {
  const record = (options?: StatementOptions) => waitedFor.push(options?.bookmarks);
  return {
    ...runner,
    read: (operation, query, params, options) => (record(options), runner.read(operation, query, params, options)),
    write: (operation, query, params, options) => (record(options), runner.write(operation, query, params, options)),
    writeTransaction: (operation, work, options) => (
      record(options),
      runner.writeTransaction(operation, work, options)
    ),
    get statementCount() {
      return runner.statementCount;
    },
  };
};

/**
 * A bookmark of the same database far ahead of `bookmark`. Neo4j 5 writes a bookmark as "FB:" and base64 of a
 * PackStream list: the database's id (16 bytes) then the last transaction id; the id becomes 1,000,000,000.
 */
function futureBookmark(bookmark: string): string {
  const bytes = Buffer.from(bookmark.slice('FB:'.length), 'base64');
  // 0x91: a list of one; 0xcc 0x10: 16 bytes (the database id).
  if (!bookmark.startsWith('FB:') || bytes[0] !== 0x91 || bytes[1] !== 0xcc || bytes[2] !== 0x10) {
    throw new Error(`Not the Neo4j 5 bookmark layout this test knows: ${bookmark}`);
  }
  const databaseId = bytes.subarray(0, 19);
  // 0xca: a 32-bit integer; 0x90: the empty list that ends the bookmark.
  return `FB:${Buffer.concat([databaseId, Buffer.from([0xca, 0x3b, 0x9a, 0xca, 0x00, 0x90])]).toString('base64')}`;
}

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer({ apiKeys, extraFiles: [NOTES], wrapRunner: recording });
});
afterAll(() => api?.close());

describe('read-your-writes: the bookmark of a write goes back to the client', () => {
  let bookmark = '';

  it('returns a curated write’s bookmark in the Neo4j-Bookmark header and extensions.bookmark', async () => {
    const { status, headers, body } = await api.post(CREATE, { input: company('company:bookmark-acme') }, curator);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    bookmark = headers.get('neo4j-bookmark') ?? '';
    expect(bookmark).not.toBe('');
    expect((body as { extensions?: { bookmark?: string } }).extensions?.bookmark).toBe(bookmark);
    // It names the write: a later write leaves another.
    const again = await api.post(CREATE, { input: company('company:bookmark-acme-2') }, curator);
    expect(again.headers.get('neo4j-bookmark')).not.toBe(bookmark);
  });

  it('returns none for a request that wrote nothing', async () => {
    const { headers, body } = await api.post(READ, { id: 'company:rapidus' });
    expect(headers.get('neo4j-bookmark')).toBeNull();
    expect((body as { extensions?: Record<string, unknown> }).extensions?.['bookmark']).toBeUndefined();
  });

  it('has every statement of a later request carrying it wait for it, and answers with the write', async () => {
    waitedFor.length = 0;
    const { status, body } = await api.post(READ, { id: 'company:bookmark-acme' }, { 'Neo4j-Bookmark': bookmark });
    expect(status).toBe(200);
    expect(body.data?.['entity']).toEqual({ id: 'company:bookmark-acme', name: 'Acme Rare Earths' });
    expect(waitedFor.length).toBeGreaterThan(0);
    expect(waitedFor.every((bookmarks) => bookmarks?.length === 1 && bookmarks[0] === bookmark)).toBe(true);
    // Without the header, statements wait for nothing more than the process's own writes.
    waitedFor.length = 0;
    await api.post(READ, { id: 'company:bookmark-acme' });
    expect(waitedFor.every((bookmarks) => bookmarks === undefined)).toBe(true);
  });

  it('refuses a header that is not a bookmark before any statement runs: 400, BAD_REQUEST, naming the header', async () => {
    waitedFor.length = 0;
    const { status, body } = await api.post(READ, { id: 'company:rapidus' }, { 'Neo4j-Bookmark': 'not a bookmark!' });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST', header: 'Neo4j-Bookmark' });
    expect(body.errors?.[0]?.message).toMatch(/Neo4j-Bookmark header is not a bookmark/);
    expect(waitedFor).toEqual([]);
  });

  it('answers BAD_REQUEST for a well-formed text Neo4j cannot read as a bookmark', async () => {
    const { body } = await api.post(READ, { id: 'company:rapidus' }, { 'Neo4j-Bookmark': 'FB:aGVsbG8=' });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
    expect(body.errors?.[0]?.message).toMatch(/Neo4j-Bookmark header\) is not one this database issued/);
  });

  it('makes a read carrying a bookmark the database has not reached wait, then fail past the time budget', async () => {
    const started = Date.now();
    const { body } = await api.post(READ, { id: 'company:rapidus' }, { 'Neo4j-Bookmark': futureBookmark(bookmark) });
    // Neo4j waits up to db.transaction.bookmark_ready_timeout (30 s by default), longer than the request's time
    // budget (REQUEST_TIME_BUDGET_MS, 10 s by default): the answer names the budget.
    expect(body.errors?.[0]?.extensions?.['code']).toBe('LIMIT_EXCEEDED');
    expect(body.errors?.[0]?.message).toMatch(/longer than its time budget/);
    expect(body.data?.['entity'] ?? null).toBeNull();
    expect(Date.now() - started).toBeGreaterThan(5_000);
  }, 120_000);
});

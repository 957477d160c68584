/**
 * Browser clients on other origins (CORS_ORIGINS) and the security headers of every page: reads from any origin
 * by default, preflights answered and cached, writes from other origins refused unless listed, no framing, no
 * sniffing, no X-Powered-By.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKey } from '../../../src/config.ts';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';

const KEY = 'cross-origin-test-key-0123456789';
const apiKeys: ApiKey[] = [{ curator: 'alice', digest: createHash('sha256').update(KEY).digest() }];
const LISTED = 'https://app.example.org';

let open: ApiServer;
let listed: ApiServer;
beforeAll(async () => {
  open = await startApiServer({ apiKeys });
  listed = await startApiServer({ apiKeys, corsOrigins: [LISTED] });
});
afterAll(async () => {
  await open?.close();
  await listed?.close();
});

const base = (api: ApiServer) => api.url.replace(/\/graphql$/, '');
/** A write that fails validation after access is granted: BAD_USER_INPUT means the origin and key passed. */
const UNLINK = 'mutation { unlink(input: { id: "not-an-id", reason: "test" }) { relationshipId } }';

describe('CORS: reads from any origin by default', () => {
  it('answers a preflight with the allowed methods and headers, cached for 10 minutes', async () => {
    const response = await fetch(open.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://example.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,apollo-require-preflight',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('apollo-require-preflight');
    expect(response.headers.get('access-control-max-age')).toBe('600');
  });

  it('lets a page of another origin read a query and an export', async () => {
    const query = await open.post('{ entity(id: "company:resonac") { name } }', {}, { origin: 'https://example.org' });
    expect(query.status).toBe(200);
    expect(query.headers.get('access-control-allow-origin')).toBe('*');
    expect(query.body.data!.entity.name).toBeTruthy();
    const file = await fetch(`${base(open)}/export/cytoscape?root=company:resonac`, {
      headers: { origin: 'https://example.org' },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('access-control-allow-origin')).toBe('*');
    expect(file.headers.get('access-control-expose-headers')).toContain('content-disposition');
  });

  it('refuses a write from a page of another origin, even with a valid key', async () => {
    const auth = { authorization: `Bearer ${KEY}` };
    const foreign = await open.post(UNLINK, {}, { ...auth, origin: 'https://evil.example' });
    expect(foreign.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(foreign.body.errors?.[0]?.message).toContain('https://evil.example');
    const direct = await open.post(UNLINK, {}, auth);
    expect(direct.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const sameOrigin = await open.post(UNLINK, {}, { ...auth, origin: base(open) });
    expect(sameOrigin.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});

describe('CORS: a list of origins', () => {
  it('allows a listed origin to read and write, and gives others no CORS headers', async () => {
    const auth = { authorization: `Bearer ${KEY}` };
    const allowed = await listed.post(UNLINK, {}, { ...auth, origin: LISTED });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(allowed.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const other = await listed.post('{ graphStats { entityCount } }', {}, { origin: 'https://example.org' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('Security headers on everything served', () => {
  it.each([
    '/graphql?query=%7B__typename%7D',
    '/graphiql',
    '/explore',
    '/export/gexf?root=company:resonac',
    '/health/live',
  ])('%s: nosniff, no framing, no X-Powered-By', async (path) => {
    const response = await fetch(`${base(open)}${path}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('Caching GET reads', () => {
  const GET = (api: ApiServer) =>
    `${api.url}?query=${encodeURIComponent('{ entity(id: "company:resonac") { name } }')}`;

  it('a GET query is public for a minute, with an ETag that a conditional GET turns into 304', async () => {
    const first = await fetch(GET(open), { headers: { 'apollo-require-preflight': 'true' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    // fetch adds `Cache-Control: no-cache` to a conditional request unless one is given, which forbids a 304.
    const again = await fetch(GET(open), {
      headers: { 'apollo-require-preflight': 'true', 'if-none-match': etag!, 'cache-control': 'max-age=0' },
    });
    expect(again.status).toBe(304);
  });

  it('a GET with a key, a POST and an answer with errors are no-store', async () => {
    const keyed = await fetch(GET(open), {
      headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${KEY}` },
    });
    expect(keyed.headers.get('cache-control')).toBe('no-store');
    const posted = await open.post('{ entity(id: "company:resonac") { name } }');
    expect(posted.headers.get('cache-control')).toBe('no-store');
    const failed = await fetch(`${open.url}?query=${encodeURIComponent('{ entities(first: 500) { totalCount } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(failed.headers.get('cache-control')).toBe('no-store');
  });
});

describe('possibleTypes for normalised caches', () => {
  it('lists every kind under Entity and Node, from the served schema', async () => {
    const response = await fetch(`${base(open)}/possible-types.json`, { headers: { origin: 'https://example.org' } });
    expect(response.status).toBe(200);
    const possibleTypes = (await response.json()) as Record<string, string[]>;
    const { data } = await open.graphql('{ __type(name: "Entity") { possibleTypes { name } } }');
    const kinds = (data as any).__type.possibleTypes.map((t: { name: string }) => t.name).sort();
    expect(kinds.length).toBeGreaterThan(10);
    expect(possibleTypes['Entity']).toEqual(kinds);
    expect(possibleTypes['Node']).toEqual([...kinds, 'Document', 'Relationship'].sort());
  });
});

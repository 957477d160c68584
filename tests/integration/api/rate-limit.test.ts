/**
 * The per-client rate limit on the server's doors: /graphql and /export count against the same client, the
 * refusal is 429 with Retry-After and RATE_LIMITED before any work is done, and /metrics counts the refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';

let api: ApiServer;
let base: string;
beforeAll(async () => {
  api = await startApiServer({ rateLimit: { requests: 3, windowSeconds: 60, loopback: true } });
  base = api.url.replace(/\/graphql$/, '');
});
afterAll(() => api.close());

describe('per-client rate limit on /graphql and /export', () => {
  it('lets a client make its requests, then answers 429 on both doors, and counts the refusals', async () => {
    // three requests of the window: two GraphQL, one export
    expect((await api.post('{ __typename }')).status).toBe(200);
    expect((await api.post('{ __typename }')).status).toBe(200);
    expect((await fetch(`${base}/export/gexf?root=company:kioxia&depth=1`)).status).toBe(200);

    const refused = await api.post('{ __typename }');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    const exportRefused = await fetch(`${base}/export/gexf?root=company:kioxia&depth=1`);
    expect(exportRefused.status).toBe(429);

    // another client (an API key) still has its own count
    expect((await api.post('{ __typename }', {}, { authorization: 'Bearer someone-else-0123456789' })).status).toBe(
      200,
    );

    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^http_rate_limited_total 2$/m);
  });
});

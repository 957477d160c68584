/**
 * The per-client rate limit (src/rate-limit.ts) on a bare Express app: each client (API key, else address) has its
 * own count, the refusal is 429 with Retry-After and RATE_LIMITED, and loopback is exempt unless asked.
 */
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createRateLimitStore, rateLimitMiddleware, type RateLimitOptions } from '../../src/rate-limit.ts';

const servers: http.Server[] = [];
afterEach(() => Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve)))));

async function serve(options: RateLimitOptions): Promise<{ url: string; refused: () => number }> {
  let refused = 0;
  const app = express();
  app.use(rateLimitMiddleware(options, createRateLimitStore(options).limiter, () => (refused += 1)));
  app.get('/', (_req, res) => res.json({ ok: true }));
  const server = http.createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, refused: () => refused };
}

const statuses = (url: string, n: number, headers: Record<string, string> = {}) =>
  Promise.all(Array.from({ length: n }, () => fetch(url, { headers }).then((r) => r.status)));

describe('per-client rate limit', () => {
  it('answers 429 with Retry-After and RATE_LIMITED after the limit, and counts each refusal', async () => {
    const { url, refused } = await serve({ requests: 2, windowSeconds: 30, loopback: true });
    expect(await statuses(url, 2)).toEqual([200, 200]);
    const response = await fetch(url);
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
    expect(body.errors[0]?.message).toContain('at most 2 per 30 s');
    expect(refused()).toBe(1);
  });

  it('counts an API key apart from the address, and each key apart from the others', async () => {
    const { url } = await serve({ requests: 1, windowSeconds: 30, loopback: true });
    expect(await statuses(url, 2)).toEqual([200, 429]);
    expect(await statuses(url, 2, { authorization: 'Bearer first-key-0123456789' })).toEqual([200, 429]);
    expect(await statuses(url, 1, { authorization: 'Bearer other-key-0123456789' })).toEqual([200]);
  });

  it('leaves loopback clients alone unless asked, and is off at 0 requests', async () => {
    expect(await statuses((await serve({ requests: 1, windowSeconds: 30, loopback: false })).url, 3)).toEqual([
      200, 200, 200,
    ]);
    expect(await statuses((await serve({ requests: 0, windowSeconds: 30, loopback: true })).url, 3)).toEqual([
      200, 200, 200,
    ]);
  });
});

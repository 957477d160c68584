/**
 * The per-client rate limit held in Redis: two server replicas naming the same Redis count one client's requests
 * together, so a client cannot double its allowance by spreading requests over replicas. Needs `redis-server`
 * (Debian's redis-server package; `.ci/run` installs it); skipped where it is missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../src/server.ts';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';
import { freePort } from '../../helpers/free-port.ts';
import { silentLogger } from '../../helpers/test-neo4j.ts';

const hasRedis = spawnSync('redis-server', ['--version']).status === 0;

describe.runIf(hasRedis)('rate limit across replicas through Redis', () => {
  let redis: ChildProcess;
  let api: ApiServer;
  let replica: RunningServer;

  beforeAll(async () => {
    const port = await freePort();
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
    await waitForRedis(port);
    const rateLimit = { requests: 3, windowSeconds: 60, loopback: true, redisUrl: `redis://127.0.0.1:${port}` };
    api = await startApiServer({ rateLimit });
    replica = await startServer(
      { runner: api.db.runner, pingDatabase: api.db.ping, logger: silentLogger, development: false, rateLimit },
      '127.0.0.1',
      0,
    );
  });
  afterAll(async () => {
    await replica?.stop();
    await api?.close();
    redis?.kill();
  });

  const post = (url: string, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ __typename }' }),
    });

  it('counts one client on both replicas together and refuses the fourth request on either', async () => {
    const first = api.url;
    const second = `${replica.url}/graphql`;
    expect((await post(first)).status).toBe(200);
    expect((await post(second)).status).toBe(200);
    expect((await post(first)).status).toBe(200);
    const refused = await post(second);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await post(first)).status).toBe(429);
    // another client keeps its own count on every replica
    expect((await post(second, { authorization: 'Bearer another-client-0123456789' })).status).toBe(200);
  });
});

async function waitForRedis(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (
      spawnSync('redis-cli', ['-p', String(port), 'ping'])
        .stdout?.toString()
        .trim() === 'PONG'
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`redis-server did not answer on port ${port}`);
}

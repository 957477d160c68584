/**
 * `npm start` end to end with the embedded Neo4j: the server prints its URL and answers GraphQL from a real
 * Neo4j; SIGTERM stops the server and the JVM; data persists across restarts; a killed server takes its JVM along.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.ts';
import {
  embeddedNeo4jPid,
  isProcessAlive,
  postGraphql,
  spawnServer,
  waitForGraphqlUrl,
  waitUntilGone,
  type ServerProcess,
} from '../helpers/server-process.ts';

const PASSWORD = 'lifecycle-password';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kg-lifecycle-'));
const started: ServerProcess[] = [];

async function startEmbeddedServer() {
  const boltPort = await freePort();
  // Two ports free now; the second asked again until it differs (neither is bound until the server starts).
  let httpPort = await freePort();
  while (httpPort === boltPort) httpPort = await freePort();
  const server = spawnServer({
    PORT: String(httpPort),
    NEO4J_EMBEDDED_DATA_DIR: dataDir,
    NEO4J_EMBEDDED_PORT: String(boltPort),
    NEO4J_PASSWORD: PASSWORD,
    SEED_ON_START: 'false',
  });
  started.push(server);
  const url = await waitForGraphqlUrl(server);
  return { server, url, boltPort, jvmPid: embeddedNeo4jPid(server) };
}

afterAll(async () => {
  for (const server of started) server.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('server lifecycle with the embedded Neo4j', () => {
  let firstBoltPort = 0;

  it('starts, prints its URLs, answers GraphQL and reports ready', async () => {
    const { server, url, boltPort, jvmPid } = await startEmbeddedServer();
    firstBoltPort = boltPort;
    expect(server.output()).toMatch(/embedded Neo4j ready on bolt:\/\/127\.0\.0\.1:\d+/);
    expect(url).toMatch(/^http:\/\/localhost:\d+\/graphql$/);

    const body = await postGraphql(url, '{ graphStats { entityCount relationshipCount } }');
    expect(body.errors).toBeUndefined();
    expect(body.data?.['graphStats']).toEqual({
      entityCount: expect.any(Number),
      relationshipCount: expect.any(Number),
    });

    const base = url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    expect(await (await fetch(`${base}/health/ready`)).json()).toEqual({ status: 'ok', database: 'up' });

    // Leave a marker through Bolt, to find it again after a restart.
    const driver = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic('neo4j', PASSWORD));
    await driver.executeQuery('CREATE (:LifecycleMarker {id: "persisted"})');
    await driver.close();

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(await waitUntilGone(jvmPid, 10_000)).toBe(true);
    expect(server.output()).toMatch(/stopped/);
  });

  it('keeps the data in its data folder across a restart', async () => {
    const { server, boltPort, jvmPid } = await startEmbeddedServer();
    const driver = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic('neo4j', PASSWORD));
    const { records } = await driver.executeQuery('MATCH (m:LifecycleMarker) RETURN m.id AS id');
    await driver.close();
    expect(records.map((r) => r.get('id'))).toEqual(['persisted']);
    expect(boltPort).not.toBe(firstBoltPort); // a new JVM on a new port found the same data

    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect(await waitUntilGone(jvmPid, 10_000)).toBe(true);
  });

  it('stops the starting JVM when interrupted during start-up, exiting 128 + the signal number', async () => {
    const server = spawnServer({
      PORT: String(await freePort()),
      NEO4J_EMBEDDED_DATA_DIR: dataDir,
      NEO4J_EMBEDDED_PORT: String(await freePort()),
      NEO4J_PASSWORD: PASSWORD,
    });
    started.push(server);
    let pid: number | undefined;
    for (let i = 0; i < 600 && pid === undefined; i += 1) {
      pid = Number(/"pid":(\d+)[^\n]*starting the embedded Neo4j/.exec(server.output())?.[1]) || undefined;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(pid, server.output()).toBeDefined();
    expect(server.output()).not.toMatch(/embedded Neo4j ready/);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(143);
    expect(await waitUntilGone(pid ?? 0, 15_000)).toBe(true);
    expect(server.output()).toMatch(/during start-up: stopping what was started/);
  });

  it('shuts down with status 1, saying why, when its embedded Neo4j dies', async () => {
    const { server, jvmPid } = await startEmbeddedServer();
    process.kill(jvmPid, 'SIGKILL');
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/the embedded Neo4j \(pid \d+\) exited unexpectedly \(SIGKILL\)/);
  });

  it('leaves no JVM behind when the server process is killed outright', async () => {
    const { server, jvmPid } = await startEmbeddedServer();
    expect(isProcessAlive(jvmPid)).toBe(true);
    server.child.kill('SIGKILL');
    await server.exited;
    // The launcher sees its stdin close and shuts the database down by itself.
    expect(await waitUntilGone(jvmPid, 20_000)).toBe(true);
  });
});

/**
 * Start-up failures: one paragraph naming the setting and the address, exit status 1 within 60 s,
 * no stack trace, and nothing left running. Build failures (`npm run build`), likewise, name what to install.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildState, REPO_ROOT } from '../../src/build-output/source-stamp.ts';
import { LAUNCHER_OUTPUT } from '../../src/db/launcher-output.ts';
import { freePort } from '../helpers/free-port.ts';
import {
  embeddedNeo4jPid,
  spawnServer,
  waitForGraphqlUrl,
  waitUntilGone,
  type ServerProcess,
} from '../helpers/server-process.ts';
import { providedNeo4j } from '../helpers/test-neo4j.ts';

const tempDirs: string[] = [];
const servers: net.Server[] = [];
const sockets: net.Socket[] = [];

afterAll(async () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

function tempDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-startup-'));
  tempDirs.push(dir);
  return dir;
}

/** A TCP listener on a free port that accepts connections and never answers (a server that never gets ready). */
async function holdPort(): Promise<number> {
  const port = await freePort();
  const server = net.createServer((socket) => sockets.push(socket));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return port;
}

async function expectCleanFailure(server: ServerProcess, message: RegExp, withinMs = 60_000): Promise<string> {
  const started = Date.now();
  const code = await Promise.race([
    server.exited,
    new Promise<string>((resolve) => setTimeout(() => resolve('still running'), withinMs)),
  ]);
  if (code === 'still running') server.child.kill('SIGKILL');
  const output = server.output();
  expect(code, output).toBe(1);
  expect(Date.now() - started).toBeLessThan(withinMs);
  expect(output).toMatch(/^Start-up failed: /m);
  expect(output).toMatch(message);
  expect(output, 'no stack trace').not.toMatch(/^\s+at /m);
  return output;
}

describe('start-up failures', () => {
  it('invalid configuration names the variable', async () => {
    await expectCleanFailure(spawnServer({ PORT: 'forty' }), /PORT="forty" is invalid/);
  });

  it('NEO4J_URI pointing nowhere names the setting and the address', async () => {
    const port = await freePort();
    await expectCleanFailure(
      spawnServer({
        NEO4J_URI: `bolt://127.0.0.1:${port}`,
        NEO4J_PASSWORD: 'whatever-password',
        NEO4J_STARTUP_TIMEOUT_SECONDS: '3',
      }),
      new RegExp(`Could not reach Neo4j at bolt://127\\.0\\.0\\.1:${port} \\(NEO4J_URI\\) \\(gave up after \\d+ s`),
    );
  });

  it('a wrong password names NEO4J_USER and NEO4J_PASSWORD, without waiting for the deadline', async () => {
    const { uri, user } = providedNeo4j();
    await expectCleanFailure(
      spawnServer({ NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: 'not-the-password' }),
      /refused the credentials of user 'neo4j'.*Check NEO4J_USER and NEO4J_PASSWORD/,
      30_000,
    );
  });

  it('a Neo4j that never becomes ready fails within 60 s with the default timeout', async () => {
    const port = await holdPort(); // accepts connections, never speaks Bolt
    await expectCleanFailure(
      spawnServer({ NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: 'whatever-password' }),
      new RegExp(`Could not reach Neo4j at bolt://127\\.0\\.0\\.1:${port} \\(NEO4J_URI\\) \\(gave up after \\d+ s`),
    );
  });

  it('a taken embedded Bolt port names NEO4J_EMBEDDED_PORT and starts no JVM', async () => {
    const port = await holdPort();
    const output = await expectCleanFailure(
      spawnServer({ NEO4J_EMBEDDED_PORT: String(port), NEO4J_EMBEDDED_DATA_DIR: tempDataDir() }),
      new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use.*NEO4J_EMBEDDED_PORT`),
    );
    expect(output).not.toMatch(/embedded Neo4j ready/);
  });

  it('a taken HTTP port names PORT and stops what it started', async () => {
    const httpPort = await holdPort();
    const dataDir = tempDataDir();
    const server = spawnServer({
      PORT: String(httpPort),
      NEO4J_EMBEDDED_PORT: String(await freePort()),
      NEO4J_EMBEDDED_DATA_DIR: dataDir,
      SEED_ON_START: 'false',
    });
    const output = await expectCleanFailure(server, new RegExp(`Cannot listen on 127\\.0\\.0\\.1:${httpPort}.*PORT`));
    expect(await waitUntilGone(embeddedNeo4jPid(server), 10_000), output).toBe(true);
  });

  it('a data folder in use by another server names NEO4J_EMBEDDED_DATA_DIR', async () => {
    const dataDir = tempDataDir();
    const first = spawnServer({
      PORT: String(await freePort()),
      NEO4J_EMBEDDED_PORT: String(await freePort()),
      NEO4J_EMBEDDED_DATA_DIR: dataDir,
      SEED_ON_START: 'false',
    });
    try {
      await waitForGraphqlUrl(first);
      await expectCleanFailure(
        spawnServer({
          PORT: String(await freePort()),
          NEO4J_EMBEDDED_PORT: String(await freePort()),
          NEO4J_EMBEDDED_DATA_DIR: dataDir,
          SEED_ON_START: 'false',
        }),
        /Another process is using the Neo4j data folder .*NEO4J_EMBEDDED_DATA_DIR/,
      );
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
  });

  it('missing Java says what to install or to set NEO4J_URI', async () => {
    await expectCleanFailure(
      spawnServer({ PATH: tempDataDir(), JAVA_HOME: undefined, NEO4J_EMBEDDED_DATA_DIR: tempDataDir() }),
      /Java was not found.*Java 17 or newer: install it.*or set NEO4J_URI/,
    );
  });
});

describe('build failures (npm run build)', () => {
  it('missing Maven says what to install or to set NEO4J_URI, and leaves the built launcher as it was', async () => {
    // --force reaches for mvn even though the launcher is current; with no mvn on PATH nothing is touched.
    const build = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts', 'launcher', '--force'], {
      cwd: REPO_ROOT,
      env: { PATH: tempDataDir(), HOME: process.env['HOME'] ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    build.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    build.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => build.once('close', resolve));
    expect(code, output).toBe(1);
    expect(output).toMatch(/^npm run build failed: Maven \(mvn\) was not found\..*apt-get install maven.*NEO4J_URI/m);
    expect(output, 'no stack trace').not.toMatch(/^\s+at /m);
    expect(buildState(LAUNCHER_OUTPUT)).toBe('current');
  });
});

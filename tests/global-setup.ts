/**
 * Provides one real Neo4j 5 for the whole test run, from the first source that applies:
 * 1. NEO4J_URI (with NEO4J_USER / NEO4J_PASSWORD) when set;
 * 2. a neo4j:5.26-community container through testcontainers when a Docker engine answers;
 * 3. the embedded launcher (Neo4j from Maven Central) in a temporary folder.
 * Whatever it started, it stops at the end of the run.
 *
 * First it runs `npm run build` for both targets (a no-op when they are current), so a fresh clone's `npm test`
 * has the launcher, which the server tests run whatever NEO4J_URI says, and the bundle the explorer test loads.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import neo4jDriver from 'neo4j-driver';
import { pino } from 'pino';
import { startEmbeddedNeo4j } from '../src/db/embedded-neo4j.ts';
import { freePort } from './helpers/free-port.ts';
import { TEST_DATABASE_MARKER } from './helpers/graph-snapshot.ts';
import type { ProvidedNeo4j } from './helpers/test-neo4j.ts';

const NEO4J_IMAGE = 'neo4j:5.26-community';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  build();
  const logger = pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'warn' });

  const uri = process.env['NEO4J_URI'];
  if (uri) {
    const neo4j = { uri, user: process.env['NEO4J_USER'] ?? 'neo4j', password: process.env['NEO4J_PASSWORD'] ?? '' };
    await claimForTests(neo4j);
    provide(project, { ...neo4j, source: 'NEO4J_URI' });
    return async () => undefined;
  }

  if (await dockerAnswers()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    const container = await new Neo4jContainer(NEO4J_IMAGE).withPassword('test-password').start();
    provide(project, {
      uri: container.getBoltUri(),
      user: container.getUsername(),
      password: container.getPassword(),
      source: 'testcontainers',
    });
    return async () => {
      await container.stop();
    };
  }

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kg-test-neo4j-'));
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    port: await freePort(),
    heap: '512m',
    pageCache: '128m',
    password: 'test-password',
    startupTimeoutMs: 120_000,
    logger,
  });
  provide(project, { uri: neo4j.uri, user: neo4j.user, password: neo4j.password, source: 'embedded' });
  return async () => {
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

/**
 * The tests empty the database they run on. A server given by NEO4J_URI is used only when it is empty or was
 * claimed by an earlier test run (it holds the marker node), so pointing the tests at real data cannot wipe it.
 */
async function claimForTests({ uri, user, password }: { uri: string; user: string; password: string }): Promise<void> {
  const driver = neo4jDriver.driver(uri, neo4jDriver.auth.basic(user, password));
  try {
    const { records } = await driver.executeQuery(
      `OPTIONAL MATCH (marker:${TEST_DATABASE_MARKER})
       WITH count(marker) AS markers
       CALL () { MATCH (n) WHERE NOT n:${TEST_DATABASE_MARKER} RETURN count(n) AS others }
       RETURN markers, others`,
    );
    const markers = Number(records[0]?.get('markers') ?? 0);
    const others = Number(records[0]?.get('others') ?? 0);
    if (markers === 0 && others > 0) {
      throw new Error(
        `NEO4J_URI (${uri}) points at a database that holds ${others} nodes, and the tests delete everything in it. ` +
          'Point NEO4J_URI at an empty database for the tests, or unset it to use a temporary one.',
      );
    }
    await driver.executeQuery(`MERGE (:${TEST_DATABASE_MARKER})`);
  } finally {
    await driver.close();
  }
}

/** `npm run build -- launcher explorer`, its output going to the terminal; throws when it fails. */
function build(): void {
  const script = fileURLToPath(new URL('../scripts/build.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, 'launcher', 'explorer'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0) {
    throw new Error(`npm run build failed (${run.error?.message ?? `exit ${run.status ?? run.signal}`}); see above`);
  }
}

function provide(project: TestProject, neo4j: ProvidedNeo4j): void {
  project.provide('neo4j', neo4j);
}

async function dockerAnswers(): Promise<boolean> {
  if (process.env['DOCKER_HOST'] === undefined && !(await import('node:fs')).existsSync('/var/run/docker.sock')) {
    return false;
  }
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

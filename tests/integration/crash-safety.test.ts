/**
 * Crash safety: a seed, an import, a generator batch and a curated write, each caught in the middle of its write
 * transaction, then the writer killed (SIGKILL to the CLI or the server) or, separately, the Neo4j process killed
 * (SIGKILL to the JVM) and started again on its data folder. Afterwards the graph is as before the write or as
 * after it, never between; the audit log is in step with the curated facts; and a rerun completes the job.
 *
 * "In the middle" is made certain, not hoped for: a test transaction holds a lock the writer needs late in its
 * transaction (the graph version node every writer bumps last, or the CuratedFact id a link registers after
 * writing the relationship and its citation), and the kill comes once Neo4j lists the writer's transaction as
 * blocked, with everything before that point written but not committed.
 *
 * The Neo4j is one this test starts (src/db/embedded-neo4j.ts, a temporary data folder), never the shared one.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver, type Transaction } from 'neo4j-driver';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/db/apply-schema.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embedded-neo4j.ts';
import { generateSyntheticGraph } from '../../src/generate/synthetic-graph.ts';
import { listDataFiles } from '../../src/seed/load-graph.ts';
import { spawnCli, type CliProcess } from '../helpers/cli-process.ts';
import { freePort } from '../helpers/free-port.ts';
import { clearDatabase, graphSnapshot } from '../helpers/graph-snapshot.ts';
import { spawnServer, waitForGraphqlUrl, type ServerProcess } from '../helpers/server-process.ts';
import { silentLogger } from '../helpers/test-neo4j.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const FURTHER_DOCUMENT = path.join(REPO, 'tests/fixtures/further-document/further-document.yaml');
const SECOND_DOCUMENT = path.join(REPO, 'tests/fixtures/second-document/survey.yaml');
const PASSWORD = 'crash-safety-password';
const CURATOR_KEY = 'crash-key-0123456789abcdef';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kg-crash-'));
let port: number;
let neo: EmbeddedNeo4j;
let db: Database;
let driver: Driver;
let env: Record<string, string>;
const cleanups: Array<() => unknown> = [];

function launchNeo4j(): Promise<EmbeddedNeo4j> {
  return startEmbeddedNeo4j({
    dataDir,
    port,
    heap: '512m',
    pageCache: '64m',
    password: PASSWORD,
    startupTimeoutMs: 300_000,
    logger: silentLogger,
  });
}

/** Kills the JVM (no clean shutdown: no checkpoint, the transaction log as it is), then starts it again. */
async function crashAndRestartNeo4j(): Promise<void> {
  process.kill(neo.pid, 'SIGKILL');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const started = Date.now();
  neo = await launchNeo4j();
  console.log(`crash: Neo4j killed and started again (recovery included) in ${Date.now() - started} ms`);
}

beforeAll(async () => {
  port = await freePort();
  neo = await launchNeo4j();
  env = {
    NEO4J_URI: neo.uri,
    NEO4J_PASSWORD: PASSWORD,
    NEO4J_STARTUP_TIMEOUT_SECONDS: '300',
    // Long enough that a writer waiting on the test's lock is killed, not timed out.
    NEO4J_QUERY_TIMEOUT_MS: '300000',
  };
  db = await openDatabase(
    {
      source: { kind: 'external', uri: neo.uri, user: 'neo4j', password: PASSWORD },
      name: 'neo4j',
      startupTimeoutMs: 300_000,
      queryTimeoutMs: 120_000,
      driverLimits: { connectionTimeoutMs: 5_000, acquisitionTimeoutMs: 60_000, retryTimeMs: 60_000, maxPoolSize: 20 },
    },
    silentLogger,
  );
  driver = neo4j.driver(neo.uri, neo4j.auth.basic('neo4j', PASSWORD), { disableLosslessIntegers: true });
  await applySchema(db.runner);
}, 400_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  await driver?.close();
  await db?.close();
  await neo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A test transaction that holds a write lock until released (rolled back, so it leaves nothing). */
async function holdLock(statement: string, params: Record<string, unknown> = {}) {
  const session = driver.session();
  const tx: Transaction = session.beginTransaction();
  await tx.run(statement, params);
  const release = async () => {
    await tx.rollback().catch(() => undefined);
    await session.close().catch(() => undefined);
  };
  cleanups.push(release);
  return release;
}

/** Holds the graph version node, which every writer bumps last in its transaction. */
function holdGraphVersion() {
  return holdLock("MERGE (v:GraphVersion {id: 'graph'}) SET v.heldByTest = true");
}

/** Waits until Neo4j lists a transaction of `operation` (the runner's metadata) as blocked on a lock. */
async function waitUntilBlocked(operation: string, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { records } = await driver.executeQuery(
      `SHOW TRANSACTIONS YIELD metaData, status WHERE metaData.operation = $operation AND status STARTS WITH 'Blocked'
       RETURN count(*) AS blocked`,
      { operation },
    );
    if (Number(records[0]?.get('blocked')) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const { records } = await driver.executeQuery(
    'SHOW TRANSACTIONS YIELD metaData, status, currentQuery RETURN metaData.operation AS operation, status',
  );
  const open = records.map((r) => `${String(r.get('operation'))}: ${String(r.get('status'))}`).join('; ');
  throw new Error(`no blocked transaction of ${operation} within ${timeoutMs} ms (open: ${open})`);
}

/** Waits until Neo4j has no transaction of `operation` left (a killed client's transaction is rolled back). */
async function waitUntilGone(operation: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { records } = await driver.executeQuery(
      'SHOW TRANSACTIONS YIELD metaData WHERE metaData.operation = $operation RETURN count(*) AS open',
      { operation },
    );
    if (Number(records[0]?.get('open')) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`a transaction of ${operation} is still open after ${timeoutMs} ms`);
}

async function killed(process: { child: CliProcess['child']; exited: Promise<unknown> }): Promise<void> {
  process.child.kill('SIGKILL');
  await process.exited;
}

/** What a load of data files writes, counted from the files themselves. */
function countInFiles(files: readonly string[]) {
  let documents = 0;
  let entities = 0;
  let relationships = 0;
  let citations = 0;
  for (const file of files) {
    const data = parse(readFileSync(file, 'utf8')) as {
      document?: unknown;
      entities?: Array<{ sources: unknown[] }>;
      relationships?: Array<{ sources: unknown[] }>;
    };
    if (typeof data.document === 'object') documents += 1;
    entities += data.entities?.length ?? 0;
    relationships += data.relationships?.length ?? 0;
    citations += [...(data.entities ?? []), ...(data.relationships ?? [])].reduce((n, x) => n + x.sources.length, 0);
  }
  return { documents, entities, relationships, citations };
}

/** What the graph holds of one document (or, without one, of every document). */
async function countInGraph(documentId?: string) {
  const where = documentId === undefined ? 'true' : 'x.documentId = $documentId';
  const [row] = await db.runner.read<Record<string, number>>(
    'test.count-document',
    `CALL () { MATCH (x:Document) WHERE ${documentId === undefined ? 'true' : 'x.id = $documentId'} RETURN count(x) AS documents }
     CALL () { MATCH (x:Entity) WHERE ${where} RETURN count(x) AS entities }
     CALL () { MATCH (:Entity)-[x]->(:Entity) WHERE ${where} RETURN count(x) AS relationships }
     CALL () { MATCH (x:Citation) WHERE ${where} RETURN count(x) AS citations }
     RETURN documents, entities, relationships, citations`,
    { documentId: documentId ?? null },
  );
  return row;
}

const NOTHING = { documents: 0, entities: 0, relationships: 0, citations: 0 };

async function generatorRun(id: string) {
  const [row] = await db.runner.read<{ batchesDone: number; totalBatches: number; complete: boolean }>(
    'test.generator-run',
    'MATCH (g:GeneratorRun {id: $id}) RETURN g.batchesDone AS batchesDone, g.totalBatches AS totalBatches, g.complete AS complete',
    { id },
  );
  return row;
}

/** The generated document's entities and relationships, and whether every one has its citations. */
async function generatedGraph(documentId: string) {
  const [row] = await db.runner.read<{ entities: number; relationships: number; uncited: number }>(
    'test.generated-graph',
    `CALL () { MATCH (e:Entity {documentId: $documentId}) RETURN count(e) AS entities }
     CALL () { MATCH (:Entity {documentId: $documentId})-[r]->() RETURN count(r) AS relationships }
     CALL () {
       MATCH (e:Entity {documentId: $documentId})
       WHERE NOT EXISTS { MATCH (c:Citation {entityId: e.id}) }
       RETURN count(e) AS uncited
     }
     RETURN entities, relationships, uncited`,
    { documentId },
  );
  return row;
}

/**
 * A synthetic graph as `npm run generate -- --relationships 30000 --label <label>` makes it (seed 42), and a lock
 * that stops its second batch (the entities) at its last statement: a test transaction that writes (or creates)
 * the last entity of that batch first, so the generator's MERGE of that id waits for it, the batch's earlier
 * statements written. (Graphs of another label share the entity ids, so the second run writes the same nodes.)
 */
function generatorRun30k(label: string) {
  const graph = generateSyntheticGraph({ relationships: 30_000, seed: 42, label });
  const lastOfBatch = graph.entities[Math.min(graph.entities.length, 10_000) - 1]?.id;
  return {
    args: ['--relationships', '30000', '--label', label],
    documentId: graph.document.id,
    entities: graph.counts.entities,
    holdEntitiesBatch: () => holdLock('MERGE (e:Entity {id: $id}) SET e.heldByTest = true', { id: lastOfBatch }),
  };
}

const SEED_FILES = listDataFiles();
const IN_DATA = countInFiles(SEED_FILES);

describe('crash safety: seed', () => {
  it('a seed killed in the middle leaves the empty graph; a rerun seeds all of it', async () => {
    const before = await graphSnapshot(db.runner);
    const release = await holdGraphVersion();
    const seed = spawnCli('seed', ['seed'], env);
    await waitUntilBlocked('load-graph');
    await killed(seed);
    await release();
    await waitUntilGone('load-graph');
    expect(await graphSnapshot(db.runner)).toBe(before);

    const rerun = await spawnCli('seed', ['seed'], env).exited;
    expect(rerun.code, rerun.output).toBe(0);
    expect(await countInGraph()).toEqual(IN_DATA);
  }, 300_000);

  it('a seed whose Neo4j is killed in the middle leaves the graph as before or as after', async () => {
    await clearDatabase(db.runner);
    await applySchema(db.runner);
    const release = await holdGraphVersion();
    const seed = spawnCli('seed', ['seed'], env);
    await waitUntilBlocked('load-graph');
    await crashAndRestartNeo4j();
    await release();
    // The CLI's driver retries the transaction while Neo4j restarts (30 s); either it gets through or gives up.
    const outcome = await seed.exited;
    const graph = await countInGraph();
    console.log(`crash: seed under a killed Neo4j: CLI exit ${outcome.code}, graph ${JSON.stringify(graph)}`);
    if (outcome.code === 0) {
      expect(graph).toEqual(IN_DATA);
    } else {
      expect(graph).toEqual(NOTHING);
      const rerun = await spawnCli('seed', ['seed'], env).exited;
      expect(rerun.code, rerun.output).toBe(0);
      expect(await countInGraph()).toEqual(IN_DATA);
    }
  }, 600_000);
});

describe('crash safety: import, generator batch and curated write, the writer killed', () => {
  it('an import killed in the middle leaves the graph as before; a rerun imports the document', async () => {
    const before = await graphSnapshot(db.runner);
    const release = await holdGraphVersion();
    const load = spawnCli('seed', ['import', FURTHER_DOCUMENT], env);
    await waitUntilBlocked('load-graph');
    await killed(load);
    await release();
    await waitUntilGone('load-graph');
    expect(await graphSnapshot(db.runner)).toBe(before);

    const rerun = await spawnCli('seed', ['import', FURTHER_DOCUMENT], env).exited;
    expect(rerun.code, rerun.output).toBe(0);
    expect(await countInGraph('further-battery-recycling-paper')).toEqual(countInFiles([FURTHER_DOCUMENT]));
  }, 300_000);

  it('a generator killed in the middle of a batch keeps the batches before it; a rerun completes the graph', async () => {
    const run = generatorRun30k('crash-cli');
    const release = await run.holdEntitiesBatch();
    const generate = spawnCli('generate', run.args, env);
    await waitUntilBlocked('generate.batch');
    await killed(generate);
    await release();
    await waitUntilGone('generate.batch');
    // Batch 1 (the document) committed; batch 2 (the entities) left nothing.
    expect(await generatorRun(run.documentId)).toMatchObject({ batchesDone: 1, complete: false });
    expect(await generatedGraph(run.documentId)).toEqual({ entities: 0, relationships: 0, uncited: 0 });

    const rerun = await spawnCli('generate', run.args, env).exited;
    expect(rerun.code, rerun.output).toBe(0);
    expect(rerun.output).toMatch(/\(\d+ batches written, 1 already done\)/);
    expect(await generatorRun(run.documentId)).toMatchObject({ complete: true });
    expect(await generatedGraph(run.documentId)).toMatchObject({ relationships: 30_000, uncited: 0 });
  }, 600_000);

  it('a curated write whose server is killed in the middle leaves no trace; a rerun applies it once', async () => {
    const server = await startServer();
    const link = curatedLink('crash-server-1', 'company:kioxia');
    const before = await graphSnapshot(db.runner);
    const version = await graphVersion();
    // The link registers its CuratedFact after writing the relationship and its citation: hold that id.
    const release = await holdLock('CREATE (:CuratedFact {id: $id})', { id: link.relationshipId });
    void link.send(server.url).catch(() => undefined);
    await waitUntilBlocked('curation.link');
    await killed(server.process);
    await release();
    await waitUntilGone('curation.link');
    expect(await graphSnapshot(db.runner)).toBe(before);
    expect(await graphVersion()).toBe(version);

    const restarted = await startServer();
    const body = await link.send(restarted.url);
    expect(body.errors).toBeUndefined();
    expect(body.data?.link).toMatchObject({ replayed: false, relationship: { id: link.relationshipId } });
    expect(await auditEntries('crash-server-1')).toBe(1);
    expect(await graphVersion()).toBe(version + 1);
    await killed(restarted.process);
  }, 300_000);
});

describe('crash safety: Neo4j killed under an import, a generator batch and a curated write at once', () => {
  it('leaves each as before or as after; reruns complete them, each once', async () => {
    const server = await startServer();
    const run = generatorRun30k('crash-neo4j');
    await run.holdEntitiesBatch();
    const generate = spawnCli('generate', run.args, env);
    await waitUntilBlocked('generate.batch');

    // The link takes the graph version's lock first, then waits for its CuratedFact id: it holds the version
    // node, so the import waits for it at its end, everything else written.
    const link = curatedLink('crash-neo4j-1', 'company:kioxia', 'fy-crash');
    await holdLock('CREATE (:CuratedFact {id: $id})', { id: link.relationshipId });
    const answer = link.send(server.url).catch((error: unknown) => ({ errors: [{ message: String(error) }] }));
    await waitUntilBlocked('curation.link');
    const load = spawnCli('seed', ['import', SECOND_DOCUMENT], env);
    await waitUntilBlocked('load-graph');

    await crashAndRestartNeo4j();
    const [imported, generated] = await Promise.all([load.exited, generate.exited]);
    const linked = (await answer) as Awaited<ReturnType<typeof link.send>>;
    console.log(
      `crash: under a killed Neo4j: import exit ${imported.code}, generate exit ${generated.code}, ` +
        `link ${linked.errors ? `failed (${linked.errors[0]?.message})` : 'answered'}`,
    );

    // The import: all of the survey or none of it.
    const survey = countInFiles([SECOND_DOCUMENT]);
    const surveyId = (parse(readFileSync(SECOND_DOCUMENT, 'utf8')) as { document: { id: string } }).document.id;
    const importedNow = await countInGraph(surveyId);
    expect([NOTHING, survey]).toContainEqual(importedNow);
    if (imported.code !== 0 || importedNow?.documents === 0) {
      const rerun = await spawnCli('seed', ['import', SECOND_DOCUMENT], env).exited;
      expect(rerun.code, rerun.output).toBe(0);
    }
    expect(await countInGraph(surveyId)).toEqual(survey);

    // The generator: whole batches only (the entities all or none), and a rerun completes the graph.
    const partial = await generatedGraph(run.documentId);
    expect(partial?.uncited).toBe(0);
    if (generated.code !== 0) {
      expect([0, run.entities]).toContain(partial?.entities);
      const rerun = await spawnCli('generate', run.args, env).exited;
      expect(rerun.code, rerun.output).toBe(0);
    }
    expect(await generatorRun(run.documentId)).toMatchObject({ complete: true });
    expect(await generatedGraph(run.documentId)).toMatchObject({ relationships: 30_000, uncited: 0 });

    // The curated write: the relationship and its audit entry both or neither; the client's retry applies it once.
    const entries = await auditEntries('crash-neo4j-1');
    expect(await relationshipExists(link.relationshipId)).toBe(entries === 1);
    expect(linked.errors === undefined).toBe(entries === 1);
    const retried = await link.send(server.url);
    expect(retried.errors).toBeUndefined();
    expect(retried.data?.link).toMatchObject({ replayed: entries === 1 });
    expect(await auditEntries('crash-neo4j-1')).toBe(1);
    expect(await relationshipExists(link.relationshipId)).toBe(true);
    await killed(server.process);
  }, 900_000);
});

async function startServer(): Promise<{ url: string; process: ServerProcess }> {
  const server = spawnServer({
    PORT: String(await freePort()),
    ...env,
    SEED_ON_START: 'false',
    RATE_LIMIT_REQUESTS: '0',
    API_KEYS: `crash:${CURATOR_KEY}`,
    REQUEST_TIME_BUDGET_MS: '300000',
  });
  cleanups.push(() => server.child.kill('SIGKILL'));
  return { url: await waitForGraphqlUrl(server, 240_000), process: server };
}

/** A curated link from Rapidus, cited from the paper, sent with an idempotency key. */
function curatedLink(idempotencyKey: string, to: string, key?: string) {
  const input = {
    type: 'INVESTS_IN',
    from: 'company:rapidus',
    to,
    ...(key ? { key } : {}),
    citation: {
      documentId: 'japan-supply-chain-policy',
      section: '1) US-Japan Semiconductor Cooperation',
      quote:
        'declared a policy of establishing Rapidus Co., Ltd. as a semiconductor mass production manufacturing base in Japan',
    },
  };
  return {
    relationshipId: `INVESTS_IN:company:rapidus->${to}${key ? `#${key}` : ''}`,
    async send(url: string) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${CURATOR_KEY}` },
        body: JSON.stringify({
          query: `mutation ($input: LinkInput!, $key: String) {
            link(input: $input, idempotencyKey: $key) { replayed relationship { id } audit { id } }
          }`,
          variables: { input, key: idempotencyKey },
        }),
      });
      return (await response.json()) as {
        data?: { link?: { replayed: boolean; relationship: { id: string } } } | null;
        errors?: Array<{ message: string }>;
      };
    },
  };
}

async function graphVersion(): Promise<number> {
  const [row] = await db.runner.read<{ version: number }>(
    'test.graph-version',
    "MATCH (v:GraphVersion {id: 'graph'}) RETURN v.version AS version",
  );
  return Number(row?.version ?? 0);
}

async function auditEntries(idempotencyKey: string): Promise<number> {
  const [row] = await db.runner.read<{ entries: number }>(
    'test.audit-entries',
    'MATCH (a:AuditEntry {idempotencyKey: $idempotencyKey}) RETURN count(a) AS entries',
    { idempotencyKey },
  );
  return row?.entries ?? 0;
}

async function relationshipExists(id: string): Promise<boolean> {
  const [row] = await db.runner.read<{ found: number }>(
    'test.relationship-exists',
    "MATCH (:Entity {id: 'company:rapidus'})-[r]->() WHERE r.id = $id RETURN count(r) AS found",
    { id },
  );
  return (row?.found ?? 0) > 0;
}

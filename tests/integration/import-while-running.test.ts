/**
 * `npm run import` and `npm run dump` beside a running `npm start` on the embedded Neo4j (random password, data
 * folder locked): the tools use the server's Neo4j through the connection file it publishes (mode 0600), the
 * imported document is found through the API at once (search, lookups and cached graph measures), bad data
 * changes nothing, and a file left by a killed server is ignored.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.ts';
import { runCli } from '../helpers/cli-process.ts';
import {
  embeddedNeo4jPid,
  postGraphql,
  spawnServer,
  waitForGraphqlUrl,
  waitUntilGone,
  type ServerProcess,
} from '../helpers/server-process.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const FURTHER_DOCUMENT = path.join(REPO, 'tests/fixtures/further-document/further-document.yaml');

const workDir = mkdtempSync(path.join(os.tmpdir(), 'kg-import-running-'));
const dataDir = path.join(workDir, 'neo4j');
let env: Record<string, string>;
let server: ServerProcess;
let url: string;

const SEARCH = `query($text: String!) { search(text: $text, first: 5) { entity { id name } } }`;
const ENTITY = `query($id: ID!) { entity(id: $id) { id name } }`;
/** A cached graph measure (src/measures/projection-measures.ts) over the kinds and types the document adds to. */
const PAGERANK = `{
  centrality(measure: PAGERANK, first: 100,
    projection: { kinds: [Company, Program, Organization], types: [PARTICIPATED_IN, ADMINISTERS] }) { entity { id } }
}`;

async function query(text: string, variables: Record<string, unknown> = {}) {
  const body = await postGraphql(url, text, variables);
  expect(body.errors).toBeUndefined();
  return body.data as Record<string, any>;
}

beforeAll(async () => {
  env = {
    NEO4J_EMBEDDED_DATA_DIR: dataDir,
    NEO4J_EMBEDDED_PORT: String(await freePort()),
    NEO4J_EMBEDDED_HEAP: '384m',
    NEO4J_EMBEDDED_PAGECACHE: '64m',
    NEO4J_STARTUP_TIMEOUT_SECONDS: '300',
    NEO4J_QUERY_TIMEOUT_MS: '120000',
  };
  // No NEO4J_PASSWORD: the embedded Neo4j gets a random one, as for a user who set nothing.
  server = spawnServer({ ...env, PORT: String(await freePort()), RATE_LIMIT_REQUESTS: '0' });
  url = await waitForGraphqlUrl(server, 180_000);
}, 200_000);

afterAll(async () => {
  server?.child.kill('SIGKILL');
  rmSync(workDir, { recursive: true, force: true });
});

describe('npm run import beside a running server', () => {
  it('publishes the connection to its embedded Neo4j in a file only its owner can read', () => {
    const file = path.join(dataDir, 'connection.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const connection = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(connection).toMatchObject({ uri: expect.stringMatching(/^bolt:\/\/127\.0\.0\.1:\d+$/), user: 'neo4j' });
    expect(connection['neo4jPid']).toBe(embeddedNeo4jPid(server));
  });

  it('imports a two-entity document linking to a seeded entity, and the API finds it at once', async () => {
    expect((await query(SEARCH, { text: 'Example Recycling Company' }))['search']).not.toContainEqual(
      expect.objectContaining({ entity: expect.objectContaining({ id: 'company:example-recycling-company' }) }),
    );
    const before = (await query(PAGERANK))['centrality'].map((s: { entity: { id: string } }) => s.entity.id);
    expect(before).not.toContain('program:battery-recycling-programme');

    const imported = await runCli('seed', ['import', FURTHER_DOCUMENT], env);
    expect(imported.output).toMatch(/Using the Neo4j of the server running on/);
    expect(imported.output).toMatch(/Imported: 1 document\(s\), 2 entities, 2 relationships\./);
    expect(imported.code).toBe(0);

    const hits = (await query(SEARCH, { text: 'Example Recycling Company' }))['search'];
    expect(hits[0].entity).toEqual({ id: 'company:example-recycling-company', name: 'Example Recycling Company' });
    expect((await query(ENTITY, { id: 'program:battery-recycling-programme' }))['entity']).toEqual({
      id: 'program:battery-recycling-programme',
      name: 'Battery recycling programme',
    });
    // The measure's cached answer is keyed by the graph version the import bumped in its transaction.
    const after = (await query(PAGERANK))['centrality'].map((s: { entity: { id: string } }) => s.entity.id);
    expect(after).toEqual(expect.arrayContaining(['program:battery-recycling-programme', 'org:meti']));
    expect(after).toContain('company:example-recycling-company');
  });

  it('rejects a document that does not validate and changes nothing', async () => {
    const stats = `{ graphStats { entityCount relationshipCount } }`;
    const before = (await query(stats))['graphStats'];
    // Another document with a valid entity and a relationship to an id nobody defines.
    const dir = path.join(workDir, 'bad-document');
    cpSync(path.dirname(FURTHER_DOCUMENT), dir, { recursive: true });
    const file = path.join(dir, 'further-document.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.setIn(['document', 'id'], 'a-bad-document');
    doc.setIn(['entities', 0, 'id'], 'program:a-bad-programme');
    doc.setIn(['entities', 1, 'id'], 'company:a-bad-company');
    doc.setIn(['relationships', 0, 'to'], 'program:a-bad-programme');
    doc.setIn(['relationships', 1, 'from'], 'company:no-such-company');
    writeFileSync(file, doc.toString());

    const failed = await runCli('seed', ['import', file], env);
    expect(failed.code).toBe(1);
    expect(failed.output).toMatch(/field "from": no entity with id "company:no-such-company"/);
    expect((await query(stats))['graphStats']).toEqual(before);
    expect((await query(ENTITY, { id: 'program:a-bad-programme' }))['entity']).toBeNull();
  });
});

describe('npm run dump beside a running server', () => {
  it('writes the whole graph, the imported document included, as data files that validate', async () => {
    const dir = path.join(workDir, 'dump');
    const dumped = await runCli('dump', [dir], env);
    expect(dumped.output).toMatch(/Dumped to .*: \d+ document\(s\)/);
    expect(dumped.code).toBe(0);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));
    const further = files.filter((f) => f.startsWith('further-battery-recycling-paper/'));
    expect(further.length).toBeGreaterThan(1);
    const entities = further
      .filter((f) => f.includes('entities'))
      .map((f) => readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    expect(entities).toMatch(/company:example-recycling-company/);
    const checked = await runCli(
      'check-data',
      files.map((f) => path.join(dir, f)),
      {},
    );
    expect(checked.output).toMatch(/^OK: \d+ files, 2 document\(s\)/);
  });
});

describe('after the server', () => {
  it('removes the connection file when it stops, and a tool then opens the data folder itself', async () => {
    const jvm = embeddedNeo4jPid(server);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(await waitUntilGone(jvm, 20_000)).toBe(true);
    expect(existsSync(path.join(dataDir, 'connection.json'))).toBe(false);
  });

  it('ignores the file a killed server left behind', async () => {
    server = spawnServer({ ...env, PORT: String(await freePort()), RATE_LIMIT_REQUESTS: '0' });
    url = await waitForGraphqlUrl(server, 180_000);
    const jvm = embeddedNeo4jPid(server);
    server.child.kill('SIGKILL');
    await server.exited;
    // The JVM exits when its standard input (the server's pipe) closes.
    expect(await waitUntilGone(jvm, 30_000)).toBe(true);
    expect(existsSync(path.join(dataDir, 'connection.json'))).toBe(true);

    const dumped = await runCli('dump', [path.join(workDir, 'dump-after-kill')], env);
    expect(dumped.output).not.toMatch(/Using the Neo4j of the server/);
    expect(dumped.output).toMatch(/Dumped to .*: 2 document\(s\)/);
    expect(dumped.code, dumped.output).toBe(0);
  }, 300_000);
});

/**
 * Dump and restore: `npm run dump` writes the graph (the paper plus curated writes made through the API) as data
 * files that pass the data checks, and loading them into an empty database gives the same graph, node by node and
 * relationship by relationship, properties and citations included. The expected graph is read from the database
 * before the dump, with the same statements as the restored one.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKey } from '../../src/config.ts';
import { applySchema } from '../../src/db/apply-schema.ts';
import type { PlanOperator, QueryRunner } from '../../src/db/query-runner.ts';
import { DumpError, dumpGraph, type DumpSummary } from '../../src/dump/dump-graph.ts';
import { listDataFiles, loadGraph } from '../../src/seed/load-graph.ts';
import { readDataFiles } from '../../src/store/read-data-files.ts';
import { validateGraphData } from '../../src/store/validate-graph-data.ts';
import { startApiServer, type ApiServer } from '../helpers/api-server.ts';
import { clearDatabase, graphSnapshot } from '../helpers/graph-snapshot.ts';
import { differences, readStoredGraph, type StoredGraph } from '../helpers/stored-graph.ts';
import { providedNeo4j } from '../helpers/test-neo4j.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const KEY = 'dump-restore-test-key-0123456789';
const apiKeys: ApiKey[] = [{ curator: 'carol', digest: createHash('sha256').update(KEY).digest() }];
const AUTH = { authorization: `Bearer ${KEY}` };
const PAPER = 'japan-supply-chain-policy';
const SECTION = '1) US-Japan Semiconductor Cooperation';
const RAPIDUS_QUOTE =
  'declared a policy of establishing Rapidus Co., Ltd. as a semiconductor mass production manufacturing base in Japan';

let api: ApiServer;
let runner: QueryRunner;
let workDir: string;
let dumpDir: string;
let summary: DumpSummary;
let before: StoredGraph;
let beforeSnapshot: string;
let unlinked: string;

async function mutate(query: string, input: Record<string, unknown>, key: string): Promise<void> {
  const result = await api.graphql(query, { input, key }, AUTH);
  expect(result.errors).toBeUndefined();
}

/** Empties the database and loads the data files under `dir` into it, as `npm run import` does. */
async function restore(dir: string): Promise<void> {
  await clearDatabase(runner);
  await applySchema(runner);
  await loadGraph(runner, listDataFiles(dir));
}

beforeAll(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'kg-dump-test-'));
  api = await startApiServer({ apiKeys });
  runner = api.db.runner;
  const citation = { documentId: PAPER, section: SECTION, quote: RAPIDUS_QUOTE };
  await mutate(
    'mutation ($input: CreateEntityInput!, $key: String) { createEntity(input: $input, idempotencyKey: $key) { replayed } }',
    {
      id: 'company:dump-test-foundry',
      kind: 'Company',
      name: 'Dump Test Foundry',
      aliases: ['DTF'],
      properties: { country: 'Japan', since: '2023-09' },
      citation,
    },
    'dump-create-1',
  );
  await mutate(
    'mutation ($input: UpdateEntityInput!, $key: String) { updateEntity(input: $input, idempotencyKey: $key) { replayed } }',
    { id: 'company:rapidus', description: 'Changed by a curator.', citation },
    'dump-update-1',
  );
  await mutate(
    'mutation ($input: LinkInput!, $key: String) { link(input: $input, idempotencyKey: $key) { replayed } }',
    {
      type: 'BASED_IN',
      from: 'company:dump-test-foundry',
      to: 'country:japan',
      note: 'A curated link.',
      citation,
    },
    'dump-link-1',
  );
  const [seeded] = await runner.read<{ id: string }>(
    'test.a-seeded-relationship',
    `MATCH (:Entity {id: 'company:rapidus'})-[r]->(:Entity) WHERE r.curatedBy IS NULL RETURN r.id AS id ORDER BY r.id LIMIT 1`,
  );
  unlinked = String(seeded?.id);
  await mutate(
    'mutation ($input: UnlinkInput!, $key: String) { unlink(input: $input, idempotencyKey: $key) { replayed } }',
    { id: unlinked, reason: 'A curator removed it.' },
    'dump-unlink-1',
  );
  before = await readStoredGraph(runner);
  beforeSnapshot = await graphSnapshot(runner);
  dumpDir = path.join(workDir, 'dump');
  // Small pages and files, so paging and file rollover happen many times on the paper.
  summary = await dumpGraph(runner, dumpDir, { pageSize: 37, recordsPerFile: 100 });
});

afterAll(async () => {
  await api?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('npm run dump: the data files', () => {
  it('holds every document, entity, relationship, curated fact and audit entry', () => {
    const count = (label: string) => [...before.nodes.keys()].filter((k) => k.startsWith(`${label} `)).length;
    expect(summary).toMatchObject({
      documents: count('Document'),
      entities: count('Entity'),
      relationships: before.relationships.size,
      curatedFacts: count('CuratedFact'),
      auditEntries: count('AuditEntry'),
    });
    // The four writes above: a created entity, a changed one, a link and an unlink.
    expect(summary.curatedFacts).toBe(4);
    expect(summary.auditEntries).toBe(4);
    expect(summary.relationships).toBeGreaterThan(500);
  });

  it('pass the data checks of npm run data:check, curation files included', () => {
    const files = listDataFiles(dumpDir);
    const { parsed, problems } = readDataFiles(files);
    expect(problems).toEqual([]);
    const { graph, problems: graphProblems } = validateGraphData(parsed, {
      entities: new Map(),
      documents: new Map(),
    });
    expect(graphProblems).toEqual([]);
    expect(graph.entities).toHaveLength(summary.entities);
    expect(graph.relationships).toHaveLength(summary.relationships);
    expect(graph.curation?.facts.map((f) => `${f.id} ${f.state}`).sort()).toEqual(
      [
        'company:dump-test-foundry present',
        'company:rapidus present',
        'BASED_IN:company:dump-test-foundry->country:japan present',
        `${unlinked} removed`,
      ].sort(),
    );
  });

  it('leaves no data file when it fails part way, rather than a part of the graph', async () => {
    const failing: QueryRunner = {
      ...runner,
      read: (operation, query, params, options) =>
        operation === 'dump.relationships'
          ? Promise.reject(new Error('the database went away'))
          : runner.read(operation, query, params, options),
    };
    const dir = path.join(workDir, 'interrupted');
    await expect(dumpGraph(failing, dir)).rejects.toThrow('the database went away');
    expect(readdirSync(dir, { recursive: true }).filter((name) => String(name).match(/\.(ya?ml|md|tmp-\d+)$/))).toEqual(
      [],
    );
  });

  it('leaves no temporary file behind', async () => {
    const names = readdirSync(dumpDir, { recursive: true }).map(String);
    expect(names.filter((n) => n.includes('.tmp-'))).toEqual([]);
  });
});

describe('npm run dump: bounded reads', () => {
  it("reads every page by an index seek in id order, sorting at most one entity's relationships at a time", async () => {
    const statements = new Map<string, { query: string; params: Record<string, unknown> }>();
    const recording: QueryRunner = {
      ...runner,
      read: (operation, query, params, options) => {
        statements.set(operation, { query, params: params ?? {} });
        return runner.read(operation, query, params, options);
      },
    };
    await dumpGraph(recording, path.join(workDir, 'plans'), { pageSize: 50 });
    const operators = (plan: PlanOperator): string[] => [plan.operator, ...plan.children.flatMap(operators)];
    const plans = new Map<string, string[]>();
    for (const [operation, { query, params }] of statements) {
      plans.set(operation, operators(await runner.explain(operation, query, params)));
    }
    expect([...plans.keys()].sort()).toEqual([
      'dump.audit-entries',
      'dump.curated-facts',
      'dump.documents',
      'dump.entities',
      'dump.relationships',
    ]);
    for (const [operation, plan] of plans) {
      expect(plan.join(' '), operation).toMatch(/NodeUniqueIndexSeekByRange|NodeIndexSeekByRange/);
      expect(plan.join(' '), operation).not.toMatch(/AllNodesScan|NodeByLabelScan|NodeIndexScan|\bSort\b|\bTop\b/);
    }
    expect(plans.get('dump.relationships')?.join(' ')).toMatch(/PartialTop/);
  });
});

describe('npm run dump: restore', () => {
  it('loads into an empty database as the same graph, node by node and relationship by relationship', async () => {
    await restore(dumpDir);
    const after = await readStoredGraph(runner);
    expect(differences(before, after)).toEqual([]);
    // Spot checks that the comparison covers what a dump could lose.
    expect(after.nodes.get('Entity company:rapidus')).toMatchObject({
      description: 'Changed by a curator.',
      curatedBy: 'carol',
    });
    expect(after.relationships.has(unlinked)).toBe(false);
    expect(await graphSnapshot(runner)).toBe(beforeSnapshot);
    // The four curated writes' versions come back, and the graph's version is not below them, so the writes after
    // the restore follow them in the change feed.
    const [versions] = await runner.read<{ entries: number[]; graph: number }>(
      'test.versions',
      `MATCH (a:AuditEntry) WITH collect(a.graphVersion) AS entries
       MATCH (v:GraphVersion {id: 'graph'}) RETURN entries, v.version AS graph`,
    );
    expect(versions?.entries).toHaveLength(4);
    expect(versions?.graph).toBeGreaterThanOrEqual(Math.max(...(versions?.entries ?? [Infinity])));
  });

  it('restores in batches (a dump over the bulk threshold) as the same graph, curation included', async () => {
    await clearDatabase(runner);
    await applySchema(runner);
    let batches = 0;
    await loadGraph(runner, listDataFiles(dumpDir), {
      bulkThreshold: 0,
      batchSize: 100,
      onProgress: () => (batches += 1),
    });
    expect(batches).toBeGreaterThan(5);
    expect(differences(before, await readStoredGraph(runner))).toEqual([]);
    expect(await graphSnapshot(runner)).toBe(beforeSnapshot);
  });

  it('keeps the restored curation: a second load of the dump changes nothing', async () => {
    await loadGraph(runner, listDataFiles(dumpDir));
    expect(await graphSnapshot(runner)).toBe(beforeSnapshot);
  });

  it('notices a dropped citation (the comparison can fail)', async () => {
    const broken = path.join(workDir, 'broken');
    cpSync(dumpDir, broken, { recursive: true });
    const file = listDataFiles(broken).find((f) => /entities-\d+\.yaml$/.test(f) && f.includes(PAPER));
    if (file === undefined) throw new Error('no entity file in the dump');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const entities = doc.toJS().entities as Array<{ id: string; sources: unknown[] }>;
    const index = entities.findIndex((e) => e.sources.length > 1);
    expect(index).toBeGreaterThanOrEqual(0);
    doc.deleteIn(['entities', index, 'sources', entities[index]!.sources.length - 1]);
    writeFileSync(file, doc.toString());
    await restore(broken);
    const found = differences(before, await readStoredGraph(runner));
    expect(found).toContain(`node Entity ${entities[index]!.id} differs`);
    expect(found.some((d) => d.startsWith('missing node Citation '))).toBe(true);
  });
});

describe('npm run dump: the command', () => {
  const run = (args: string[]) => {
    const neo4j = providedNeo4j();
    return promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/dump.ts', ...args], {
      cwd: REPO,
      env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password },
    });
  };

  it('refuses a non-empty folder without --force, and replaces its data files with it', async () => {
    await restore(dumpDir);
    await expect(dumpGraph(runner, dumpDir)).rejects.toBeInstanceOf(DumpError);
    const refused = await run([dumpDir]).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('is not empty') });

    const { stdout } = await run([dumpDir, '--force']);
    expect(stdout).toContain(`${summary.entities} entities, ${summary.relationships} relationships`);
    expect(stdout).toContain('4 curated fact(s), 4 audit entries');
    // One file per 10,000 records by default: the small files of the first dump are gone.
    expect(listDataFiles(dumpDir).filter((f) => f.includes('entities-'))).toHaveLength(1);
    await restore(dumpDir);
    expect(await graphSnapshot(runner)).toBe(beforeSnapshot);
  });
});

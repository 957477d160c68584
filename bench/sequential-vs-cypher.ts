/**
 * Sequential benchmark (`node --import tsx bench/sequential-vs-cypher.ts`): one client, one request at a time, on
 * the paper's graph, our API over HTTP against the raw Cypher statement that gives the same answer (through the
 * server's own query runner, an auto-commit read per call). The median of BENCH_RUNS (200) after a
 * warm-up, and the ratio ours ÷ raw Cypher; `{ __typename }` over the same HTTP stack is the floor every request
 * pays. The answers are compared first. With NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) it uses that database as it
 * is (seeded); otherwise it starts an embedded Neo4j in a temporary folder and seeds it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import getPort from 'get-port';
import { median } from './median.ts';
import { applySchema } from '../src/db/apply-schema.ts';
import { openDatabase } from '../src/db/database.ts';
import { listDataFiles, loadGraph } from '../src/seed/load-graph.ts';
import { startServer } from '../src/server.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 200);
const WARMUP = 30;
const SUPPLY = 'APPROVED_SUPPLY_PLAN_FOR|PRODUCES|DEVELOPS';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers and records

interface Question {
  name: string;
  query: string;
  answer: (data: Json) => string[];
  cypher: string;
  params: Record<string, unknown>;
  cypherAnswer: (rows: Json[]) => string[];
}

const COMPANY = 'company:resonac';
const QUESTIONS: Question[] = [
  {
    name: "a company's materials",
    query: `{ entity(id: "${COMPANY}") { ... on Company { materials { id name } } } }`,
    answer: (d) => d.entity.materials.map((m: Json) => `${m.id} ${m.name}`),
    cypher: `MATCH (:Company {id: $id})-[:${SUPPLY}]->(m:Material)
WITH DISTINCT m RETURN m.id AS id, m.name AS name ORDER BY toLower(m.name), m.id`,
    params: { id: COMPANY },
    cypherAnswer: (rows) => rows.map((r) => `${r['id']} ${r['name']}`),
  },
  {
    name: '50 materials -> suppliers -> country',
    query: `{ entities(kind: Material, first: 50) { edges { node { id ... on Material {
      suppliers { id ... on Company { country { id } } } } } } } }`,
    answer: (d) =>
      d.entities.edges.flatMap(({ node }: Json) => [
        node.id,
        ...node.suppliers.map((s: Json) => `${node.id}>${s.id}>${s.country?.id ?? '-'}`),
      ]),
    cypher: `MATCH (m:Entity) WHERE m.kind = 'Material' AND m.nameKey IS NOT NULL
WITH m ORDER BY m.nameKey, m.id LIMIT 50
CALL (m) {
  OPTIONAL MATCH (m)<-[:${SUPPLY}]-(s:Company)
  WITH DISTINCT s ORDER BY toLower(s.name), s.id
  OPTIONAL MATCH (s)-[:BASED_IN]->(k:Country)
  RETURN collect(s.id + '>' + coalesce(k.id, '-')) AS suppliers
}
RETURN m.id AS id, suppliers`,
    params: {},
    cypherAnswer: (rows) => rows.flatMap((r) => [r['id'], ...r['suppliers'].map((s: string) => `${r['id']}>${s}`)]),
  },
];

const logger = pino({ level: 'silent' });
const uri = process.env['NEO4J_URI'];
const dataDir = uri ? null : mkdtempSync(path.join(os.tmpdir(), 'kg-bench-sequential-'));
const auth = { user: process.env['NEO4J_USER'] ?? 'neo4j', password: process.env['NEO4J_PASSWORD'] ?? '' };
const db = await openDatabase(
  {
    source: dataDir
      ? {
          kind: 'embedded',
          dataDir,
          port: await getPort({ host: '127.0.0.1' }),
          heap: '512m',
          pageCache: '256m',
          password: undefined,
        }
      : { kind: 'external', uri: uri ?? '', ...auth },
    name: 'neo4j',
    startupTimeoutMs: 120_000,
    queryTimeoutMs: 60_000,
  },
  logger,
);
try {
  if (dataDir) {
    await applySchema(db.runner);
    await loadGraph(db.runner, listDataFiles());
  }
  const server = await startServer(
    { runner: db.runner, pingDatabase: db.ping, logger, development: false },
    '127.0.0.1',
    0,
  );
  const url = `${server.url}/graphql`;
  const post = async (query: string): Promise<Json> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: Json; errors?: unknown };
    if (body.errors || !body.data) throw new Error(`benchmark query failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const raw = async (statement: string, params: Record<string, unknown>): Promise<Json[]> => {
    const rows = await db.runner.read('bench.raw', statement, params);
    return rows;
  };
  const measure = async (call: () => Promise<unknown>) => {
    for (let i = 0; i < WARMUP; i += 1) await call();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      await call();
      times.push(performance.now() - started);
    }
    return median(times);
  };

  const floor = await measure(() => post('{ __typename }'));
  console.log(`\nSequential, one client, median of ${RUNS} (ms); ours over HTTP, raw Cypher through the query runner`);
  console.log(`  { __typename } over HTTP (no database): ${floor.toFixed(2)} ms`);
  for (const q of QUESTIONS) {
    const ours = q.answer(await post(q.query));
    const reference = q.cypherAnswer(await raw(q.cypher, q.params));
    if (JSON.stringify(ours) !== JSON.stringify(reference)) {
      throw new Error(`${q.name}: answers differ\nours ${JSON.stringify(ours)}\nraw  ${JSON.stringify(reference)}`);
    }
    const oursMs = await measure(() => post(q.query));
    const rawMs = await measure(() => raw(q.cypher, q.params));
    console.log(
      `  ${q.name.padEnd(40)} ours ${oursMs.toFixed(2).padStart(6)}  raw ${rawMs.toFixed(2).padStart(6)}  x${(oursMs / rawMs).toFixed(2)}  (${ours.length} answer rows)`,
    );
  }
  await server.stop();
} finally {
  await db.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Query benchmark (`npm run bench:queries`): typical API operations over HTTP against an embedded Neo4j holding
 * the seeded graph, sequentially, median latency of RUNS requests after a warm-up. Baseline in the same run:
 * `{ __typename }`, a GraphQL request over the same HTTP stack that touches no database, so each ratio is the
 * cost of the operation relative to a bare request on this machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import getPort from 'get-port';
import { median } from './median.ts';
import { applySchema } from '../src/db/apply-schema.ts';
import { openDatabase } from '../src/db/database.ts';
import { EXAMPLE_QUERIES } from '../src/playground/example-queries.ts';
import { listDataFiles, loadGraph } from '../src/seed/load-graph.ts';
import { startServer } from '../src/server.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 50);
const WARMUP = 10;

const logger = pino({ level: 'silent' });
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kg-bench-queries-'));
const db = await openDatabase(
  {
    source: {
      kind: 'embedded',
      dataDir,
      port: await getPort({ host: '127.0.0.1' }),
      heap: '512m',
      pageCache: '256m',
      password: undefined,
    },
    name: 'neo4j',
    startupTimeoutMs: 120_000,
    queryTimeoutMs: 30_000,
  },
  logger,
);
try {
  await applySchema(db.runner);
  const seedStarted = performance.now();
  await loadGraph(db.runner, listDataFiles());
  const seedMs = performance.now() - seedStarted;
  const reseedStarted = performance.now();
  await loadGraph(db.runner, listDataFiles());
  const reseedMs = performance.now() - reseedStarted;

  const server = await startServer(
    { runner: db.runner, pingDatabase: db.ping, logger, development: false },
    '127.0.0.1',
    0,
  );
  const url = `${server.url}/graphql`;
  const post = async (query: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`benchmark query failed: ${JSON.stringify(body.errors)}`);
  };
  const measure = async (query: string) => {
    for (let i = 0; i < WARMUP; i += 1) await post(query);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      await post(query);
      times.push(performance.now() - started);
    }
    return median(times);
  };

  const cases: Array<[string, string]> = [
    ['graphStats', '{ graphStats { entityCount relationshipCount kinds { kind count } } }'],
    [
      'entities: 100 companies and materials, 3 levels',
      '{ entities(kind: Material, first: 100) { edges { node { ... on Material { suppliers { ... on Company { facilities { name } } } } } } } }',
    ],
    [
      'neighborhood: Japan, depth 2, 500 nodes',
      '{ neighborhood(id: "country:japan", depth: 2, limit: 500) { nodes { id } edges { id } } }',
    ],
    ...EXAMPLE_QUERIES.map((e): [string, string] => [`example: ${e.title}`, e.query]),
  ];
  const baseline = await measure('{ __typename }');
  console.log(`\nQueries over HTTP, median of ${RUNS} sequential requests (ms, ratio to baseline)`);
  console.log(`  ${'baseline: { __typename } (no database)'.padEnd(52)} ${baseline.toFixed(2).padStart(7)} ms  x1.00`);
  for (const [name, query] of cases) {
    const ms = await measure(query);
    console.log(`  ${name.slice(0, 52).padEnd(52)} ${ms.toFixed(2).padStart(7)} ms  x${(ms / baseline).toFixed(2)}`);
  }
  console.log(`  ${'seed the whole graph into an empty database'.padEnd(52)} ${seedMs.toFixed(0).padStart(7)} ms`);
  console.log(`  ${'seed again (idempotent, no changes)'.padEnd(52)} ${reseedMs.toFixed(0).padStart(7)} ms`);
  console.log(`  Node resident memory after the run: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  await server.stop();
} finally {
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
}

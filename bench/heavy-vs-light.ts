/**
 * Isolation benchmark (`npm run bench:isolation`): does a cheap query stay fast while expensive ones run?
 * Starts an embedded Neo4j holding the seeded graph and, over the same database, one server with the request limits
 * off and one with the default limits. For each scenario it measures the p95 latency of a one-entity lookup (and of
 * /health/ready) with the server idle, then while HEAVY_CLIENTS clients each send a heavy operation back to back,
 * and prints the ratio. Heavy clients honour Retry-After when told SERVER_BUSY, as a well-behaved client does.
 *
 * Scenarios: an operation of 30 aliased depth-3, 500-node neighborhoods (limits off; with limits on it is rejected up front),
 * the largest operation of the same neighborhoods the cost budget allows, with limits off and on, and
 * EXPORT_CLIENTS (16) clients downloading the whole-graph GraphML export (/export/graphml?selection=graph) in a loop, limits off and
 * on: with limits on every export must be answered or shed with SERVER_BUSY and Retry-After (counted).
 * BENCH_RUNS (default 30) light requests per measurement; BENCH_LIMITS=on|off|both (default both); BENCH_QUERY_TIMEOUT_MS
 * (30,000) the database's query timeout; BENCH_ONLY=exports runs the export scenarios alone;
 * BENCH_30_ALIASES=1 adds the 30-alias operation with the limits off (minutes; it stalls the machine).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSchema, parse } from 'graphql';
import { pino } from 'pino';
import getPort from 'get-port';
import { loadTypeDefs } from '../src/api-schema.ts';
import { applySchema } from '../src/db/apply-schema.ts';
import { openDatabase } from '../src/db/database.ts';
import { estimateCost } from '../src/limits/cost-model.ts';
import { loadConfig } from '../src/config.ts';
import { listDataFiles, loadGraph } from '../src/seed/load-graph.ts';
import { startServer, type RunningServer } from '../src/server.ts';

// The limits of the environment (REQUEST_COST_BUDGET, HEAVY_COST_THRESHOLD, HEAVY_CONCURRENCY_MAX, ...), defaults otherwise.
const LIMITS = loadConfig().limits;
const RUNS = Number(process.env['BENCH_RUNS'] ?? 30);
const HEAVY_CLIENTS = 8;
const EXPORT_CLIENTS = 16;
/** BENCH_ONLY=exports: the export scenarios alone. */
const EXPORTS_ONLY = process.env['BENCH_ONLY'] === 'exports';
const MODES = (process.env['BENCH_LIMITS'] ?? 'both') === 'both' ? ['off', 'on'] : [process.env['BENCH_LIMITS']];

const LIGHT = '{ entity(id: "company:rapidus") { id name } }';
const NEIGHBORHOOD =
  'neighborhood(id: "country:japan", depth: 3, limit: 500) { truncated nodes { id kind name } edges { id source target type } }';
const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `n${i}: ${NEIGHBORHOOD}`).join(' ')} }`;

const schema = buildSchema(loadTypeDefs());
const costOf = (query: string) => estimateCost(schema, parse(query));
let budgetSized = 1;
while (costOf(aliased(budgetSized + 1)) <= LIMITS.costBudget) budgetSized += 1;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1] ?? NaN;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Outcome {
  ms: number;
  status: number;
  code: string;
  bytes: number;
  retryAfter: number;
}

async function post(url: string, query: string): Promise<Outcome> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> };
  return {
    ms: performance.now() - started,
    status: response.status,
    code: body.errors?.[0]?.extensions?.code ?? 'OK',
    bytes: text.length,
    retryAfter: Number(response.headers.get('retry-after') ?? 0),
  };
}

async function lightP95(url: string): Promise<{ lookup: number; median: number; ready: number; failed: string[] }> {
  const failed: string[] = [];
  const lookup: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    // A failed lookup (the database's connections all taken, say) counts with the time it took to fail.
    const outcome = await post(url, LIGHT).catch(() => post(url, LIGHT));
    if (outcome.code !== 'OK') failed.push(outcome.code);
    lookup.push(outcome.ms);
    const started = performance.now();
    await fetch(`${url}/health/ready`)
      .then((r) => r.text())
      .catch(() => failed.push('/health/ready: connection reset'));
    ready.push(performance.now() - started);
  }
  return { lookup: p95(lookup), median: median(lookup), ready: p95(ready), failed };
}

/** The whole-graph GraphML download; a 503 counts as shed with Retry-After only when it says SERVER_BUSY and has one. */
async function exportGraph(url: string): Promise<Outcome> {
  const started = performance.now();
  const response = await fetch(`${url}/export/graphml?selection=graph`);
  const text = await response.text();
  let code = response.status === 200 ? 'OK' : `HTTP ${response.status}`;
  if (response.status !== 200) {
    const body = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> };
    code = body.errors?.[0]?.extensions?.code ?? code;
    if (code === 'SERVER_BUSY' && !response.headers.get('retry-after')) code = 'SERVER_BUSY without Retry-After';
  }
  return {
    ms: performance.now() - started,
    status: response.status,
    code,
    bytes: text.length,
    retryAfter: Number(response.headers.get('retry-after') ?? 0),
  };
}

async function scenario(
  name: string,
  url: string,
  heavy: (url: string) => Promise<Outcome>,
  clientCount = HEAVY_CLIENTS,
): Promise<void> {
  for (let i = 0; i < 20; i += 1) await post(url, LIGHT);
  const idle = await lightP95(url);
  let running = true;
  const outcomes: Outcome[] = [];
  const client = async () => {
    while (running) {
      // A connection the server closed (keep-alive timing, or an overloaded server) counts as a failed operation.
      const outcome = await heavy(url).catch((): Outcome => ({
        ms: 0,
        status: 0,
        code: 'CONNECTION_CLOSED',
        bytes: 0,
        retryAfter: 0,
      }));
      outcomes.push(outcome);
      if (outcome.retryAfter > 0) await sleep(outcome.retryAfter * 1000);
    }
  };
  const clients = Array.from({ length: clientCount }, client);
  await sleep(1000); // let the heavy clients get going
  const loaded = await lightP95(url);
  running = false;
  await Promise.all(clients);

  const admission = await fetch(`${url}/metrics`)
    .then((r) => r.text())
    .then((text) =>
      ['limit', 'shed_total']
        .map((n) => `${n} ${new RegExp(`^graphql_heavy_operations_${n} (\\S+)`, 'm').exec(text)?.[1] ?? '-'}`)
        .join(', '),
    );
  const codes = new Map<string, number>();
  for (const o of outcomes) codes.set(o.code, (codes.get(o.code) ?? 0) + 1);
  const ok = outcomes.filter((o) => o.code === 'OK');
  console.log(`\n${name}`);
  console.log(`  one-entity lookup p95: idle ${idle.lookup.toFixed(1)} ms, under load ${loaded.lookup.toFixed(1)} ms,`);
  console.log(`    ratio x${(loaded.lookup / idle.lookup).toFixed(2)} (target: at most x3)`);
  console.log(
    `  one-entity lookup median: idle ${idle.median.toFixed(1)} ms, under load ${loaded.median.toFixed(1)} ms`,
  );
  if (loaded.failed.length) console.log(`  lookups failed under load: ${loaded.failed.length} (${loaded.failed[0]})`);
  console.log(`  /health/ready p95: idle ${idle.ready.toFixed(1)} ms, under load ${loaded.ready.toFixed(1)} ms`);
  console.log(
    `  heavy operations (${clientCount} clients): ${outcomes.length} answered (${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}),` +
      ` completed p95 ${ok.length ? p95(ok.map((o) => o.ms)).toFixed(0) : '-'} ms,` +
      ` ${ok.length ? (Math.max(...ok.map((o) => o.bytes)) / 2 ** 20).toFixed(2) : '-'} MiB at most`,
  );
  if (!admission.includes('limit -')) console.log(`  admission after the load: ${admission}`);
}

const logger = pino({ level: 'silent' });
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kg-bench-isolation-'));
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
    startupTimeoutMs: Number(process.env['NEO4J_STARTUP_TIMEOUT_SECONDS'] ?? 120) * 1000,
    // BENCH_QUERY_TIMEOUT_MS: longer on a saturated machine, where seeding the graph can take more than 30 s a statement.
    queryTimeoutMs: Number(process.env['BENCH_QUERY_TIMEOUT_MS'] ?? 30_000),
  },
  logger,
);
const servers: RunningServer[] = [];
try {
  await applySchema(db.runner);
  await loadGraph(db.runner, listDataFiles());
  const deps = { runner: db.runner, pingDatabase: db.ping, logger, development: false };
  const thirtyAliases = aliased(30);
  const budgetOp = aliased(budgetSized);
  console.log(
    `Heavy operations: 30 aliases (cost ${costOf(thirtyAliases)}), and ${budgetSized} aliases (cost ` +
      `${costOf(budgetOp)}, budget ${LIMITS.costBudget}) of ${NEIGHBORHOOD.split(' {')[0]}; ` +
      `${HEAVY_CLIENTS} heavy clients, ${RUNS} light requests per measurement.`,
  );
  for (const mode of MODES) {
    const server = await startServer({ ...deps, limits: mode === 'off' ? 'off' : LIMITS }, '127.0.0.1', 0);
    servers.push(server);
    if (mode === 'off') {
      // Minutes long, and it stalls the machine: on request.
      if (process.env['BENCH_30_ALIASES'] === '1') {
        await scenario('Limits off, 30-alias operations', server.url, (u) => post(u, thirtyAliases));
      }
      if (!EXPORTS_ONLY) {
        await scenario(`Limits off, ${budgetSized}-alias operations`, server.url, (u) => post(u, budgetOp));
      }
      await scenario('Limits off, whole-graph exports', server.url, exportGraph, EXPORT_CLIENTS);
    } else {
      const rejected = await post(server.url, thirtyAliases);
      console.log(
        `\nLimits on, 30-alias operation: ${rejected.code} (HTTP ${rejected.status}) in ${rejected.ms.toFixed(0)} ms`,
      );
      const { heavyCostThreshold, heavyConcurrencyMax } = LIMITS;
      const on = `Limits on (heavy from cost ${heavyCostThreshold}, at most ${heavyConcurrencyMax} at once)`;
      if (!EXPORTS_ONLY) await scenario(`${on}, ${budgetSized}-alias operations`, server.url, (u) => post(u, budgetOp));
      await scenario(`${on}, whole-graph exports`, server.url, exportGraph, EXPORT_CLIENTS);
    }
  }
} finally {
  for (const server of servers) await server.stop();
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
}

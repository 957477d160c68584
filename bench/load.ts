/**
 * Load script (`npm run load`): a mixed GraphQL workload at LOAD_CONNECTIONS concurrent keep-alive connections
 * (50) for LOAD_DURATION_SECONDS (60), loopback only, stopping by itself. It reports figures, it asserts nothing
 * but says whether any error was unexpected and whether memory stayed flat.
 *
 * Target: the server it starts itself (`npm start` with an embedded Neo4j in a temporary folder, seeded from
 * data/), or LOAD_URL (http://127.0.0.1:PORT/graphql, loopback only; LOAD_SERVER_PID names its process for RSS).
 * Workload: the playground's examples (README's among them), search, neighborhood, cross-reference, and requests
 * that must fail with a known code (over the depth/alias limits, malformed documents, bad arguments, a body that
 * is not JSON). Every response's code is checked against the one expected for its kind; SERVER_BUSY (the server
 * shedding load, HTTP 503) is counted apart, and its connection waits the Retry-After before its next request.
 * Memory: RSS of the server and of its JVM (found through /proc) at the start, after a warm-up ("before"), the
 * peak during the load, and after it ends and settles ("after"); flat means after within 10% of before.
 * LOAD_EXTRA_ROUNDS further rounds (0) sample memory after each, to tell bounded growth from a leak. With
 * LOAD_LIVE_HEAP=1, for a server it starts, it also reports the live heap (after a full garbage collection, through
 * a heap snapshot) before and after, which tells memory the server holds from garbage not yet collected.
 * Prints a table and writes bench/results/load-<date>.json.
 *
 * LOAD_MIX picks the workload: `standard` (the above, by default); `four-class`, the admission mix: each connection
 * sends one class back to back, a quarter each a company lookup, a search, a depth-2, 200-node neighbourhood and a
 * 50-row cross-reference page, each connection its own client (its own API key, so the per-client rate limit and
 * the fair admission queue tell them apart); `greedy`, the same with one more client among them sending lookups as
 * fast as it can on GREEDY_STREAMS (8) parallel requests, retrying 100 ms after a 429 whatever its Retry-After, with
 * the per-client rate limit on (for a server it starts: RATE_LIMIT_REQUESTS=LOAD_RATE_LIMIT_REQUESTS (100) per
 * 10 s, loopback included). For both it measures the lookup's idle p95 first (100 lookups one at a time) and
 * reports per class the answered share (not shed with SERVER_BUSY nor refused with 429), p50/p95/p99, the answers
 * slower than the time budget (REQUEST_TIME_BUDGET_MS, 10 s), and the lookups' p95 over idle. LOAD_CLASSES
 * (e.g. `lookup,search`) keeps the other classes' connections idle, to see what the named classes do alone.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import getPort from 'get-port';
import { EXAMPLE_QUERIES } from '../src/playground/example-queries.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DURATION_S = Number(process.env['LOAD_DURATION_SECONDS'] ?? 60);
const CONNECTIONS = Number(process.env['LOAD_CONNECTIONS'] ?? 50);
const WARMUP_S = Number(process.env['LOAD_WARMUP_SECONDS'] ?? 10);
const SETTLE_S = Number(process.env['LOAD_SETTLE_SECONDS'] ?? 10);
/** Further unmeasured rounds of the same load, each followed by a memory sample: bounded growth levels off. */
const EXTRA_ROUNDS = Number(process.env['LOAD_EXTRA_ROUNDS'] ?? 0);
/** LOAD_LIVE_HEAP=1: also measure the live heap (heap snapshots, which themselves grow the RSS: see liveHeapMb). */
const LIVE_HEAP = process.env['LOAD_LIVE_HEAP'] === '1';
const MIX = process.env['LOAD_MIX'] ?? 'standard';
if (!['standard', 'four-class', 'greedy'].includes(MIX)) {
  throw new Error(`LOAD_MIX must be standard, four-class or greedy, not ${MIX}`);
}
const GREEDY_STREAMS = Number(process.env['GREEDY_STREAMS'] ?? 8);
const RATE_LIMIT_REQUESTS = process.env['LOAD_RATE_LIMIT_REQUESTS'] ?? '100';
const TIME_BUDGET_MS = Number(process.env['REQUEST_TIME_BUDGET_MS'] ?? 10_000);

interface Kind {
  name: string;
  weight: number;
  body: string;
  /** 'ok', or the error code the response must carry. */
  expect: string;
}

const json = (query: string) => JSON.stringify({ query });
const deep = `{ entity(id: "company:resonac") { ${'... on Company { subsidiaries { name '.repeat(14)}${'} } '.repeat(14)} } }`;
const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: graphStats { entityCount }`).join(' ')} }`;
const KINDS: Kind[] = [
  ...EXAMPLE_QUERIES.map((example) => ({
    name: example.query.match(/query (\w+)/)?.[1] ?? example.title,
    weight: 3,
    body: json(example.query),
    expect: 'ok',
  })),
  {
    name: 'search',
    weight: 4,
    body: json('{ search(text: "semiconductor", first: 20) { score entity { id name } } }'),
    expect: 'ok',
  },
  {
    name: 'neighborhood-2',
    weight: 2,
    body: json('{ neighborhood(id: "country:japan", depth: 2, limit: 200) { truncated nodes { id } edges { id } } }'),
    expect: 'ok',
  },
  { name: 'graphStats', weight: 2, body: json('{ graphStats { entityCount relationshipCount } }'), expect: 'ok' },
  { name: 'over-depth', weight: 1, body: json(deep), expect: 'LIMIT_EXCEEDED' },
  { name: 'over-aliases', weight: 1, body: json(aliases), expect: 'LIMIT_EXCEEDED' },
  {
    name: 'bad-argument',
    weight: 1,
    body: json('{ search(text: "x", first: 1000) { score } }'),
    expect: 'BAD_USER_INPUT',
  },
  { name: 'syntax-error', weight: 1, body: json('{ search(text: "x" { score } }'), expect: 'GRAPHQL_PARSE_FAILED' },
  { name: 'unknown-field', weight: 1, body: json('{ nosuchfield }'), expect: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'not-json', weight: 1, body: '{"query": ', expect: 'BAD_REQUEST' },
];
const schedule = KINDS.flatMap((kind) => Array.from({ length: kind.weight }, () => kind));

/** The admission mix (LOAD_MIX=four-class or greedy): connection i sends FOUR_CLASSES[i % 4] only. */
const LOOKUP = json('{ entity(id: "company:rapidus") { id name kind } }');
const FOUR_CLASSES: Kind[] = [
  { name: 'lookup', weight: 1, body: LOOKUP, expect: 'ok' },
  {
    name: 'search',
    weight: 1,
    body: json('{ search(text: "semiconductor", first: 20) { score entity { id name } } }'),
    expect: 'ok',
  },
  {
    name: 'neighborhood',
    weight: 1,
    body: json('{ neighborhood(id: "country:japan", depth: 2, limit: 200) { truncated nodes { id } edges { id } } }'),
    expect: 'ok',
  },
  {
    name: 'crossReference',
    weight: 1,
    body: json(
      '{ crossReference(first: 50) { totalCount edges { node { company { id name } material { id name } linkType date } } } }',
    ),
    expect: 'ok',
  },
];
/** LOAD_CLASSES (comma-separated names): only these classes send; the other connections stay idle (a diagnosis). */
const ACTIVE_CLASSES = process.env['LOAD_CLASSES']?.split(',') ?? FOUR_CLASSES.map((kind) => kind.name);
const GREEDY: Kind = { name: 'greedy lookup', weight: 1, body: LOOKUP, expect: 'ok' };

/** Connection `index`'s next request, and the client it speaks as (its API key), by LOAD_MIX. */
function planOf(index: number): { next: () => Kind; authorization?: string } {
  if (MIX === 'standard') return { next: () => schedule[cursor++ % schedule.length]! };
  const kind = FOUR_CLASSES[index % FOUR_CLASSES.length]!;
  return { next: () => kind, authorization: `Bearer load-client-${index}` };
}
let cursor = 0;

// ---- memory, through /proc ----
function rssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

function childJvm(parentPid: number): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== parentPid) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('EmbeddedNeo4j')) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  return undefined;
}

/** User + system CPU seconds a process has used so far (clock ticks of 1/100 s on Linux). */
function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The server's live JavaScript heap, from its own /metrics (prom-client's nodejs_heap_size_used_bytes). */
async function heapUsedMb(graphqlUrl: string): Promise<number | null> {
  try {
    const text = await (await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'))).text();
    const bytes = /^kg_nodejs_heap_size_used_bytes (\S+)/m.exec(text)?.[1];
    return bytes ? Math.round(Number(bytes) / 104857.6) / 10 : null;
  } catch {
    return null;
  }
}

// ---- the target ----
async function startOwnServer() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kg-load-'));
  const port = await getPort({ host: '127.0.0.1' });
  // SIGUSR2 makes the server write a heap snapshot here, which collects all garbage first (liveHeapMb).
  const diagnosticDir = LIVE_HEAP ? mkdtempSync(path.join(os.tmpdir(), 'kg-load-heap-')) : undefined;
  const nodeOptions = diagnosticDir ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${diagnosticDir}`] : [];
  const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', path.join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      NEO4J_URI: '',
      NEO4J_EMBEDDED_DATA_DIR: dataDir,
      NEO4J_EMBEDDED_PORT: String(await getPort({ host: '127.0.0.1' })),
      // A shared machine may start the JVM slowly; the figures start after start-up anyway.
      NEO4J_STARTUP_TIMEOUT_SECONDS: process.env['NEO4J_STARTUP_TIMEOUT_SECONDS'] ?? '180',
      LOG_LEVEL: process.env['LOAD_SERVER_LOG_LEVEL'] ?? 'warn',
      NODE_ENV: 'production',
      // All the load's clients share one address; the four-class and greedy mixes give each its own API key, and
      // the greedy one turns the per-client limit on to show it throttled.
      ...(MIX === 'greedy'
        ? { RATE_LIMIT_REQUESTS, RATE_LIMIT_WINDOW_SECONDS: '10', RATE_LIMIT_LOOPBACK: 'true' }
        : { RATE_LIMIT_REQUESTS: '0' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited during start-up:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the server did not start in 300 s:\n${output}`);
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    pid: child.pid!,
    diagnosticDir,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
      if (diagnosticDir) rmSync(diagnosticDir, { recursive: true, force: true });
    },
  };
}

/**
 * The server's live heap: what it holds after a full garbage collection, which a heap snapshot (SIGUSR2) runs
 * first; the snapshot is then deleted. Tells retained memory (a leak) from garbage V8 has not yet collected, which
 * the heap used and the RSS include. A snapshot itself grows the server's RSS by about 100 MB, so the RSS figures
 * of a run that takes them are not comparable: hence LOAD_LIVE_HEAP, off by default. Null when off or for a
 * server this script did not start.
 */
async function liveHeapMb(target: { url: string; pid?: number; diagnosticDir?: string }): Promise<number | null> {
  const { pid, diagnosticDir } = target;
  if (pid === undefined || diagnosticDir === undefined) return null;
  const snapshotSize = () =>
    readdirSync(diagnosticDir)
      .filter((name) => name.endsWith('.heapsnapshot'))
      .reduce((sum, name) => sum + statSync(path.join(diagnosticDir, name)).size, 0);
  process.kill(pid, 'SIGUSR2');
  // Written when its size stops changing (at most 60 s).
  let size = -1;
  for (let waited = 0; waited < 60_000; waited += 1000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = snapshotSize();
    if (now > 0 && now === size) break;
    size = now;
  }
  const heap = await heapUsedMb(target.url);
  for (const name of readdirSync(diagnosticDir)) rmSync(path.join(diagnosticDir, name), { force: true });
  return heap;
}

// ---- the load ----
interface Stats {
  latencies: number[];
  /** Latencies of the answers with the expected outcome (not shed, not refused). */
  answeredMs: number[];
  codes: Map<string, number>;
  unexpected: number;
}

async function runLoad(url: string, seconds: number, stats: Map<string, Stats> | undefined): Promise<number> {
  const end = Date.now() + seconds * 1000;
  let sent = 0;
  async function send(kind: Kind, authorization: string | undefined): Promise<{ code: string; retryAfterS: number }> {
    const started = performance.now();
    let code: string;
    let retryAfterS = 0;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(authorization ? { authorization } : {}),
        },
        body: kind.body,
      });
      const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
      code = body.errors?.[0]?.extensions?.code ?? (response.status === 200 ? 'ok' : `HTTP ${response.status}`);
      retryAfterS = code === 'SERVER_BUSY' ? Number(response.headers.get('retry-after')) || 1 : 0;
    } catch (error) {
      code = `client: ${(error as Error).message}`;
    }
    const ms = performance.now() - started;
    sent += 1;
    if (stats) {
      let entry = stats.get(kind.name);
      if (!entry) stats.set(kind.name, (entry = { latencies: [], codes: new Map(), unexpected: 0, answeredMs: [] }));
      entry.latencies.push(ms);
      if (code === kind.expect) entry.answeredMs.push(ms);
      entry.codes.set(code, (entry.codes.get(code) ?? 0) + 1);
      // SERVER_BUSY is the server shedding load as designed (HTTP 503, Retry-After), RATE_LIMITED a client over its
      // limit (429): counted on their own.
      if (code !== kind.expect && code !== 'SERVER_BUSY' && code !== 'RATE_LIMITED') entry.unexpected += 1;
    }
    return { code, retryAfterS };
  }
  async function connection(index: number) {
    const plan = planOf(index);
    if (MIX !== 'standard' && !ACTIVE_CLASSES.includes(plan.next().name)) return;
    while (Date.now() < end) {
      const { retryAfterS } = await send(plan.next(), plan.authorization);
      // A connection told SERVER_BUSY waits the Retry-After, as a well-behaved client does.
      if (retryAfterS > 0) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(retryAfterS * 1000, end - Date.now())));
      }
    }
  }
  /** The greedy client: lookups back to back; after a 429 it tries again in 100 ms, whatever Retry-After says. */
  async function greedyStream() {
    while (Date.now() < end) {
      const { code } = await send(GREEDY, 'Bearer load-greedy');
      if (code === 'RATE_LIMITED') await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await Promise.all([
    ...Array.from({ length: CONNECTIONS }, (_, index) => connection(index)),
    ...(MIX === 'greedy' ? Array.from({ length: GREEDY_STREAMS }, greedyStream) : []),
  ]);
  return sent;
}

/** p95 of LOOKUP one at a time on an idle server (the four-class mix's baseline). */
async function idleLookupP95(url: string): Promise<number> {
  const latencies: number[] = [];
  for (let i = 0; i < 100; i += 1) {
    const started = performance.now();
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer load-idle' },
      body: LOOKUP,
    }).then((r) => r.text());
    latencies.push(performance.now() - started);
  }
  return percentile(
    latencies.sort((a, b) => a - b),
    95,
  );
}

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

// ---- main ----
const given = process.env['LOAD_URL'];
if (given !== undefined && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(given)) {
  throw new Error(`LOAD_URL must be a loopback address (http://127.0.0.1:PORT/graphql), not ${given}`);
}
console.log(given ? `target: ${given}` : 'starting the server (embedded Neo4j, seeded from data/)...');
const server = given
  ? {
      url: given,
      pid: process.env['LOAD_SERVER_PID'] ? Number(process.env['LOAD_SERVER_PID']) : undefined,
      stop: async () => {},
    }
  : await startOwnServer();
const jvmPid = server.pid !== undefined ? childJvm(server.pid) : undefined;
const memory = () => ({ server: rssMb(server.pid), jvm: rssMb(jvmPid) });

try {
  const cold = memory();
  console.log(`warm-up: ${WARMUP_S} s at ${CONNECTIONS} connections`);
  await runLoad(server.url, WARMUP_S, undefined);
  let idleLookupMs: number | null = null;
  if (MIX !== 'standard') {
    // The warm-up's heavy operations finish and their clients' turns end first.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    idleLookupMs = await idleLookupP95(server.url);
    console.log(`idle lookup p95: ${idleLookupMs} ms`);
  }
  // The live heap first: taking it (a heap snapshot) grows the RSS, which must not count as growth under load.
  const liveBefore = await liveHeapMb(server);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const before = memory();
  const heapBefore = await heapUsedMb(server.url);
  const cpuBefore = { server: cpuSeconds(server.pid), jvm: cpuSeconds(jvmPid) };

  console.log(
    MIX === 'standard'
      ? `load: ${DURATION_S} s at ${CONNECTIONS} connections, ${KINDS.length} kinds of request`
      : `load (${MIX}): ${DURATION_S} s at ${CONNECTIONS} connections, four classes` +
          (MIX === 'greedy' ? `, and a greedy client on ${GREEDY_STREAMS} streams` : ''),
  );
  const peak = { server: before.server, jvm: before.jvm };
  const sampler = setInterval(() => {
    const now = memory();
    if (now.server !== null) peak.server = Math.max(peak.server ?? 0, now.server);
    if (now.jvm !== null) peak.jvm = Math.max(peak.jvm ?? 0, now.jvm);
  }, 500);
  const stats = new Map<string, Stats>();
  const started = performance.now();
  const total = await runLoad(server.url, DURATION_S, stats);
  const elapsedS = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const cpuAfter = { server: cpuSeconds(server.pid), jvm: cpuSeconds(jvmPid) };
  await new Promise((resolve) => setTimeout(resolve, SETTLE_S * 1000));
  const after = memory();
  const heapAfter = await heapUsedMb(server.url);
  const liveAfter = await liveHeapMb(server);
  const laterRounds: Array<{
    server: number | null;
    jvm: number | null;
    heapUsed: number | null;
    liveHeap: number | null;
  }> = [];
  for (let round = 1; round <= EXTRA_ROUNDS; round += 1) {
    console.log(`extra round ${round} of ${EXTRA_ROUNDS}: ${DURATION_S} s`);
    await runLoad(server.url, DURATION_S, undefined);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_S * 1000));
    laterRounds.push({ ...memory(), heapUsed: await heapUsedMb(server.url), liveHeap: await liveHeapMb(server) });
  }
  const busy = (a: number | null, b: number | null) =>
    a === null || b === null ? null : Math.round(((b - a) / elapsedS) * 100) / 100;
  const cpuCores = { server: busy(cpuBefore.server, cpuAfter.server), jvm: busy(cpuBefore.jvm, cpuAfter.jvm) };

  const operations = [...stats].map(([name, s]) => {
    const sorted = s.latencies.sort((a, b) => a - b);
    const answered = s.answeredMs.sort((a, b) => a - b);
    return {
      operation: name,
      requests: sorted.length,
      perSecond: Math.round((sorted.length / elapsedS) * 10) / 10,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      codes: Object.fromEntries(s.codes),
      unexpected: s.unexpected,
      answeredShare: Math.round((answered.length / Math.max(1, sorted.length)) * 1000) / 1000,
      answeredP95: answered.length ? percentile(answered, 95) : null,
      answeredOverBudget: answered.filter((ms) => ms > TIME_BUDGET_MS).length,
    };
  });
  const errorsByCode: Record<string, number> = {};
  for (const op of operations) {
    for (const [code, n] of Object.entries(op.codes))
      if (code !== 'ok') errorsByCode[code] = (errorsByCode[code] ?? 0) + n;
  }
  const unexpected = operations.reduce((sum, op) => sum + op.unexpected, 0);
  const within10 = (a: number | null, b: number | null) => (a === null || b === null ? null : b <= a * 1.1);
  const report = {
    date: new Date().toISOString(),
    mix: MIX,
    ...(MIX === 'greedy'
      ? { greedy: { streams: GREEDY_STREAMS, rateLimit: `${RATE_LIMIT_REQUESTS} per 10 s per client` } }
      : {}),
    idleLookupP95Ms: idleLookupMs,
    target: given ?? 'own server (embedded Neo4j)',
    connections: CONNECTIONS,
    durationSeconds: Math.round(elapsedS * 10) / 10,
    requests: total,
    requestsPerSecond: Math.round((total / elapsedS) * 10) / 10,
    operations,
    errorsByCode,
    unexpectedErrors: unexpected,
    rssMb: { cold, before, peak, after },
    serverHeapUsedMb: { before: heapBefore, after: heapAfter },
    serverLiveHeapMb: { before: liveBefore, after: liveAfter },
    afterExtraRounds: laterRounds,
    cpuCoresDuringLoad: cpuCores,
    flatMemory: {
      server: within10(before.server, after.server),
      jvm: within10(before.jvm, after.jvm),
      serverLiveHeap: within10(liveBefore, liveAfter),
    },
    machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100) },
  };

  console.log(`\n${total} requests in ${report.durationSeconds} s: ${report.requestsPerSecond} requests/s`);
  console.table(
    Object.fromEntries(
      operations.map((op) => [
        op.operation,
        { 'req/s': op.perSecond, p50: op.p50, p95: op.p95, p99: op.p99, unexpected: op.unexpected },
      ]),
    ),
  );
  console.log('errors by code (all expected unless counted below):', errorsByCode);
  if (MIX !== 'standard') {
    console.log(`admission mix (time budget ${TIME_BUDGET_MS} ms; idle lookup p95 ${idleLookupMs} ms):`);
    console.table(
      Object.fromEntries(
        operations.map((op) => [
          op.operation,
          {
            requests: op.requests,
            answered: `${(op.answeredShare * 100).toFixed(1)} %`,
            shed: op.codes['SERVER_BUSY'] ?? 0,
            '429': op.codes['RATE_LIMITED'] ?? 0,
            'p95 answered': op.answeredP95,
            'over budget': op.answeredOverBudget,
          },
        ]),
      ),
    );
    const lookup = operations.find((op) => op.operation === 'lookup');
    if (lookup?.answeredP95 != null && idleLookupMs) {
      console.log(`lookup p95 over idle: x${(lookup.answeredP95 / idleLookupMs).toFixed(2)} (target: at most x3)`);
    }
  }
  console.log(`unexpected responses: ${unexpected}`);
  console.log('RSS (MB):');
  console.table({
    server: { cold: cold.server, before: before.server, peak: peak.server, after: after.server },
    jvm: { cold: cold.jvm, before: before.jvm, peak: peak.jvm, after: after.jvm },
  });
  console.log(`server JS heap used (MB): before ${heapBefore}, after ${heapAfter}`);
  console.log(`server live JS heap after a full GC (MB): before ${liveBefore ?? '-'}, after ${liveAfter ?? '-'}`);
  console.log(`CPU cores used during the load: server ${cpuCores.server}, JVM ${cpuCores.jvm}`);
  for (const [n, r] of laterRounds.entries()) {
    console.log(
      `after extra round ${n + 1}: RSS server ${r.server} MB, JVM ${r.jvm} MB, heap used ${r.heapUsed} MB, live heap ${r.liveHeap ?? '-'} MB`,
    );
  }
  console.log(
    `flat memory (after within 10% of before): server ${report.flatMemory.server}, JVM ${report.flatMemory.jvm}, server live heap ${report.flatMemory.serverLiveHeap}`,
  );

  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `load-${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`written: ${path.relative(ROOT, file)}`);
} finally {
  await server.stop();
}

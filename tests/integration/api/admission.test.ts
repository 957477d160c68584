/**
 * Admission by cost (src/limits/admission-control.ts, admission-plugin.ts) on a real server over the test
 * database: heaviness follows the operation's estimated cost, not its fields; a heavy operation that finds every
 * place taken waits its turn and is shed with SERVER_BUSY (HTTP 503, Retry-After) only when its wait exceeds its
 * time budget; exports are heavy operations too; /metrics shows the adaptive limit and the queue.
 *
 * The cross-reference statements are held until released, so the operations meet in the queue for certain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryRunner } from '../../../src/db/query-runner.ts';
import { DEFAULT_REQUEST_LIMITS, type RequestLimits } from '../../../src/request-limits.ts';
import { startServer, type RunningServer } from '../../../src/server.ts';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';
import { silentLogger } from '../../helpers/test-neo4j.ts';

let api: ApiServer;
const servers: RunningServer[] = [];

beforeAll(async () => {
  api = await startApiServer();
});
afterAll(async () => {
  for (const server of servers) await server.stop();
  await api.close();
});

/**
 * The test database's runner, with cross-reference statements waiting while held: `hold()` holds them until the
 * function it returns is called.
 */
function heldCrossReference(): { held: QueryRunner; hold: () => () => void } {
  let gate: Promise<void> = Promise.resolve();
  const held: QueryRunner = {
    ...api.db.runner,
    read: async (operation, query, params, options) => {
      if (operation.startsWith('cross-reference')) await gate;
      return api.db.runner.read(operation, query, params, options);
    },
    get statementCount() {
      return api.db.runner.statementCount;
    },
  };
  const hold = () => {
    let release!: () => void;
    gate = new Promise<void>((resolve) => (release = resolve));
    return release;
  };
  return { held, hold };
}

/** A server over `runner` with one heavy place at most and some limits changed; its base URL. */
async function serverWith(runner: QueryRunner, limits: Partial<RequestLimits> = {}): Promise<string> {
  const server = await startServer(
    {
      runner,
      pingDatabase: api.db.ping,
      logger: silentLogger,
      development: false,
      limits: { ...DEFAULT_REQUEST_LIMITS, heavyConcurrencyMax: 1, retryAfterSeconds: 7, ...limits },
    },
    '127.0.0.1',
    0,
  );
  servers.push(server);
  return server.url;
}

interface Answer {
  status: number;
  headers: Headers;
  body: any;
  ms: number;
}

async function post(base: string, query: string): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: await response.json(),
    ms: performance.now() - started,
  };
}

/** The admission gauges and the shed counter from /metrics. */
async function admissionMetrics(base: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const read = (name: string) => Number(new RegExp(`^graphql_heavy_operations_${name} (\\d+)`, 'm').exec(text)?.[1]);
  return { limit: read('limit'), running: read('running'), queued: read('queued'), shed: read('shed_total') };
}

// Costs by the cost model (docs/operations.md#request-limits), against the threshold of 500: the cross-reference
// page costs 100 + 50 x (1 + its selection: totalCount 1, edges 1 + node 1 + company 3 + material 3) = 600, heavy;
// the neighbourhood of 5 costs 10 + 5 x (depth 1 + nodes 1 + id 1) = 25, cheap.
const HEAVY =
  '{ crossReference(first: 50) { totalCount edges { node { company { id name } material { id name } } } } }';
/** A whole page of the heavy query: 50 rows, or all of them when the graph has fewer. */
const fullPage = (answer: Answer) =>
  expect(answer.body.data.crossReference.edges).toHaveLength(Math.min(50, answer.body.data.crossReference.totalCount));
const CHEAP_NEIGHBORHOOD = '{ neighborhood(id: "company:rapidus", limit: 5) { nodes { id } } }';

describe('admission by cost: what is heavy follows the estimated cost', () => {
  it('admits a cheap request using a formerly heavy field at once, while heavy ones run and wait', async () => {
    const { held, hold } = heldCrossReference();
    const base = await serverWith(held);
    const release = hold();
    const running = post(base, HEAVY);
    await expect.poll(() => admissionMetrics(base), { timeout: 10_000 }).toMatchObject({ running: 1, queued: 0 });
    const waiting = post(base, HEAVY);
    await expect.poll(() => admissionMetrics(base), { timeout: 10_000 }).toMatchObject({ running: 1, queued: 1 });

    const cheap = await post(base, CHEAP_NEIGHBORHOOD);
    expect(cheap.status).toBe(200);
    expect(cheap.body.errors).toBeUndefined();
    expect(cheap.body.data.neighborhood.nodes.map((n: { id: string }) => n.id)).toContain('company:rapidus');
    expect(await admissionMetrics(base)).toMatchObject({ limit: 1, running: 1, queued: 1, shed: 0 });

    release();
    for (const answer of await Promise.all([running, waiting])) {
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      fullPage(answer);
    }
  });
});

describe('admission by cost: an expensive request queues, and is shed only when its wait exceeds its budget', () => {
  it('waits its turn within its budget and is answered when a place comes free', async () => {
    const { held, hold } = heldCrossReference();
    const base = await serverWith(held, { timeBudgetMs: 8_000 });
    const release = hold();
    const first = post(base, HEAVY);
    await expect.poll(() => admissionMetrics(base), { timeout: 10_000 }).toMatchObject({ running: 1 });
    const second = post(base, HEAVY);
    await expect.poll(() => admissionMetrics(base), { timeout: 10_000 }).toMatchObject({ queued: 1 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    release();
    const answers = await Promise.all([first, second]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    fullPage(answers[1]!);
    expect(answers[1]!.body.data.crossReference.totalCount).toBeGreaterThan(0);
    expect(await admissionMetrics(base)).toMatchObject({ running: 0, queued: 0, shed: 0 });
  });

  it('is SERVER_BUSY with Retry-After once its budget no longer covers a run while it waits', async () => {
    const { held, hold } = heldCrossReference();
    // No run measured yet on this server: a waiting operation waits until its budget is spent.
    const base = await serverWith(held, { timeBudgetMs: 1_500 });
    const release = hold();
    const first = post(base, HEAVY);
    await expect.poll(() => admissionMetrics(base), { timeout: 10_000 }).toMatchObject({ running: 1 });
    const waited = await post(base, HEAVY);
    expect(waited.status).toBe(503);
    expect(waited.headers.get('retry-after')).toBe('7');
    expect(waited.ms).toBeGreaterThan(1_000);
    expect(waited.body.errors).toHaveLength(1);
    expect(waited.body.errors[0].extensions).toMatchObject({ code: 'SERVER_BUSY', retryAfterSeconds: 7 });
    expect(waited.body.errors[0].message).toMatch(/'crossReference' is an expensive operation and it waited until/);
    expect(await admissionMetrics(base)).toMatchObject({ running: 1, queued: 0, shed: 1 });
    release();
    await first; // ran past its own budget while held: answered or LIMIT_EXCEEDED, either way it gives its place back
    await expect.poll(() => admissionMetrics(base), { timeout: 10_000 }).toMatchObject({ running: 0 });
  });

  it('is SERVER_BUSY at once when its estimated wait and run exceed its budget', async () => {
    const { held, hold } = heldCrossReference();
    const base = await serverWith(held, { timeBudgetMs: 2_000 });
    // One run of about 1.2 s teaches the mean run time.
    const releaseTeacher = hold();
    const teacher = post(base, HEAVY);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    releaseTeacher();
    expect((await teacher).status).toBe(200);

    const release = hold();
    const running = post(base, HEAVY);
    await expect.poll(() => admissionMetrics(base), { timeout: 10_000 }).toMatchObject({ running: 1 });
    // One run ahead (about 1.2 s) plus its own (about 1.2 s) is more than its 2 s budget has left.
    const shed = await post(base, HEAVY);
    expect(shed.status).toBe(503);
    expect(shed.ms).toBeLessThan(800);
    expect(shed.body.errors[0].extensions.code).toBe('SERVER_BUSY');
    expect(shed.body.errors[0].message).toMatch(
      /its estimated wait of \d+ ms and run of \d+ ms exceed the \d+ ms left/,
    );
    release();
    expect((await running).status).toBe(200);
  });
});

describe('admission by cost: exports', () => {
  it('admits a download as a heavy operation: it waits for its place, and is SERVER_BUSY with Retry-After when its budget runs out', async () => {
    const { held, hold } = heldCrossReference();
    const base = await serverWith(held, { timeBudgetMs: 4_000 });
    const release = hold();
    const running = post(base, HEAVY);
    await expect.poll(() => admissionMetrics(base), { timeout: 10_000 }).toMatchObject({ running: 1 });
    const busy = await fetch(`${base}/export/gexf?root=company:rapidus&limit=5`);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('7');
    const body = (await busy.json()) as any;
    expect(body.errors[0].extensions.code).toBe('SERVER_BUSY');
    expect(body.errors[0].message).toContain("'export' is an expensive operation");
    release();
    await running;
    const served = await fetch(`${base}/export/gexf?root=company:rapidus&limit=5`);
    const text = await served.text();
    expect(served.status, text).toBe(200);
    expect(text).toContain('company:rapidus');
  });
});

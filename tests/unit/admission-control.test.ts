/**
 * AdmissionControl (src/limits/admission-control.ts): cheap operations pass, heavy ones take a place or wait their
 * turn (in turn by client), and are shed with SERVER_BUSY only when their estimated wait and run exceed what their
 * time budget has left.
 */
import { describe, expect, it } from 'vitest';
import { AdmissionControl, type Permit } from '../../src/limits/admission-control.ts';
import { RequestBudget } from '../../src/limits/request-budget.ts';

const LIMITS = { heavyCostThreshold: 500, heavyConcurrencyMax: 1, heavyQueueMax: 100, retryAfterSeconds: 3 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const budget = (ms: number, client = 'a') =>
  new RequestBudget({ timeBudgetMs: ms, maxStatements: 100 }, undefined, client);

/** Settles to the permit, or to the error's code. */
const outcome = (admitted: Promise<Permit>) =>
  admitted.then(
    (permit) => ({ permit }),
    (error: { extensions?: { code?: string; retryAfterSeconds?: number }; message: string }) => ({ error }),
  );

describe('AdmissionControl', () => {
  it('lets a cheap operation through at once, even with every heavy place taken and others waiting', async () => {
    const admission = new AdmissionControl(LIMITS);
    await admission.admit({ name: 'h1', cost: 1_400 });
    void admission.admit({ name: 'h2', cost: 1_400, budget: budget(10_000) });
    expect(admission.load).toMatchObject({ limit: 1, running: 1, queued: 1 });
    await expect(admission.admit({ name: 'cheap', cost: 499 })).resolves.toBeDefined();
    expect(admission.load).toMatchObject({ running: 1, queued: 1 });
  });

  it('counts an operation without a cost (an export) as heavy', () => {
    const admission = new AdmissionControl(LIMITS);
    expect(admission.isHeavy(undefined)).toBe(true);
    expect(admission.isHeavy(500)).toBe(true);
    expect(admission.isHeavy(499)).toBe(false);
  });

  it('starts a waiting operation when a place is given back', async () => {
    const admission = new AdmissionControl(LIMITS);
    const first = await admission.admit({ name: 'h1', cost: 1_000 });
    const second = admission.admit({ name: 'h2', cost: 1_000, budget: budget(10_000) });
    expect(admission.load.queued).toBe(1);
    first.release();
    (await second).release();
    expect(admission.load).toMatchObject({ running: 0, queued: 0, admitted: 2, shed: 0 });
  });

  it('serves waiting clients in turn: one client with many waiting does not hold back another', async () => {
    const admission = new AdmissionControl(LIMITS);
    const order: string[] = [];
    const running = await admission.admit({ name: 'first', cost: 1_000 });
    const wait = (name: string, client: string) =>
      admission.admit({ name, cost: 1_000, budget: budget(10_000, client) }).then((permit) => {
        order.push(name);
        permit.release();
      });
    const all = [
      wait('greedy1', 'greedy'),
      wait('greedy2', 'greedy'),
      wait('greedy3', 'greedy'),
      wait('other1', 'other'),
    ];
    running.release();
    await Promise.all(all);
    expect(order).toEqual(['greedy1', 'other1', 'greedy2', 'greedy3']);
  });

  it('sheds an arrival at once when its estimated wait and run exceed its budget, and queues one it allows', async () => {
    const admission = new AdmissionControl(LIMITS);
    // One run of about 150 ms teaches the mean run time.
    const taught = await admission.admit({ name: 'h', cost: 1_000 });
    await sleep(150);
    taught.release();
    const holder = await admission.admit({ name: 'holder', cost: 1_000 });
    // Wait about 150 ms (one ahead of it: the running one) plus a run of 150 ms: over 200 ms, within 1000 ms.
    const started = performance.now();
    const shed = await outcome(admission.admit({ name: 'neighborhood', cost: 1_000, budget: budget(200) }));
    expect(performance.now() - started).toBeLessThan(50);
    expect(shed).toMatchObject({ error: { extensions: { code: 'SERVER_BUSY', retryAfterSeconds: 3 } } });
    expect('error' in shed && shed.error.message).toMatch(
      /'neighborhood' is an expensive operation and its estimated wait of \d+ ms/,
    );
    const queued = admission.admit({ name: 'h3', cost: 1_000, budget: budget(1_000) });
    expect(admission.load).toMatchObject({ queued: 1, shed: 1 });
    holder.release();
    (await queued).release();
  });

  it('asks a shed arrival to retry when the queue ahead should have room: after the excess of its wait', async () => {
    const admission = new AdmissionControl({ ...LIMITS, retryAfterSeconds: 1 });
    const taught = await admission.admit({ name: 'h', cost: 1_000 });
    await sleep(150);
    taught.release();
    const holder = await admission.admit({ name: 'holder', cost: 1_000 });
    // 20 waiting from 20 other clients: its wait is about 21 x 150 ms, plus a run of 150 ms, about 3.1 s over 200 ms.
    const waiting = Array.from({ length: 20 }, (_, i) =>
      admission.admit({ name: 'w', cost: 1_000, budget: budget(60_000, `client${i}`) }),
    );
    const shed = await outcome(admission.admit({ name: 'late', cost: 1_000, budget: budget(200, 'late') }));
    expect(shed).toMatchObject({ error: { extensions: { code: 'SERVER_BUSY' } } });
    // 4 s when the run took 150 ms; a slower machine's runs (a sleep overshoots) make it a little more.
    const retryAfter = 'error' in shed ? Number(shed.error.extensions?.retryAfterSeconds) : 0;
    expect(retryAfter).toBeGreaterThanOrEqual(4);
    expect(retryAfter).toBeLessThanOrEqual(8);
    holder.release();
    for (const permit of waiting) (await permit).release();
  });

  it('sheds a waiting operation once what is left of its budget no longer covers a run', async () => {
    const admission = new AdmissionControl(LIMITS);
    const holder = await admission.admit({ name: 'holder', cost: 1_000 });
    const started = performance.now();
    // No run measured yet: it waits until its budget is spent.
    const shed = await outcome(admission.admit({ name: 'crossReference', cost: 600, budget: budget(300) }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(shed).toMatchObject({ error: { extensions: { code: 'SERVER_BUSY' } } });
    expect(admission.load).toMatchObject({ queued: 0, running: 1, shed: 1 });
    holder.release();
  });

  it('sheds past the queue bound whatever the budget', async () => {
    const admission = new AdmissionControl({ ...LIMITS, heavyQueueMax: 1 });
    const holder = await admission.admit({ name: 'holder', cost: 1_000 });
    const waiting = admission.admit({ name: 'h2', cost: 1_000, budget: budget(10_000) });
    const shed = await outcome(admission.admit({ name: 'h3', cost: 1_000, budget: budget(10_000) }));
    expect('error' in shed && shed.error.message).toMatch(/1 heavy operations are waiting, the most the queue holds/);
    holder.release();
    (await waiting).release();
  });

  it('runs work in a place and gives it back when the work fails', async () => {
    const admission = new AdmissionControl(LIMITS);
    await expect(admission.run({ name: 'export' }, async () => 'file')).resolves.toBe('file');
    await expect(
      admission.run({ name: 'export' }, async () => {
        throw new Error('failed');
      }),
    ).rejects.toThrow('failed');
    expect(admission.load).toMatchObject({ running: 0, admitted: 2 });
  });
});

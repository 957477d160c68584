/**
 * Adversarial requests: operations that would cost too much (estimated cost, time, statements, response size; too
 * many expensive operations at once is admission.test.ts) and malformed requests (deep or wrongly typed variables,
 * unknown operation names, batches, huge strings). Each gets its clear code, and the server answers a normal query right after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryRunner } from '../../../src/db/query-runner.ts';
import { budgetedRunner, RequestBudget } from '../../../src/limits/request-budget.ts';
import { DEFAULT_REQUEST_LIMITS, type RequestLimits } from '../../../src/request-limits.ts';
import { startServer, type RunningServer } from '../../../src/server.ts';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';
import { silentLogger } from '../../helpers/test-neo4j.ts';

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

let api: ApiServer;
const servers: RunningServer[] = [];

beforeAll(async () => {
  api = await startApiServer();
});
afterAll(async () => {
  for (const server of servers) await server.stop();
  await api.close();
});

/** A server over the test database (or `runner`) with some limits changed. */
async function serverWith(limits: Partial<RequestLimits>, runner: QueryRunner = api.db.runner): Promise<string> {
  const server = await startServer(
    {
      runner,
      pingDatabase: api.db.ping,
      logger: silentLogger,
      development: false,
      limits: { ...DEFAULT_REQUEST_LIMITS, ...limits },
    },
    '127.0.0.1',
    0,
  );
  servers.push(server);
  return `${server.url}/graphql`;
}

/**
 * Posts as a GraphQL-over-HTTP client (application/graphql-response+json), which gets request errors with their
 * 4xx status; clients accepting only application/json get them with 200 (docs/operations.md, GraphQL over HTTP).
 */
async function post(url: string, body: unknown): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** The server still answers a normal query, correctly. */
async function expectNormalQueryAnswered(url: string = api.url): Promise<void> {
  const { status, body } = await post(url, { query: '{ entity(id: "company:rapidus") { id name } }' });
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  expect(body.data.entity).toEqual({ id: 'company:rapidus', name: expect.stringMatching(/rapidus/i) });
}

const japan = (alias: string, limit: number | string = 500) =>
  `${alias}: neighborhood(id: "country:japan", depth: 3, limit: ${limit}) { nodes { id kind name } edges { id } }`;
const aliases = (count: number) => Array.from({ length: count }, (_, i) => japan(`n${i}`)).join(' ');

describe('adversarial: the estimated cost is over the budget', () => {
  it('refuses 30 aliased depth-3, 500-node neighborhoods before running them, naming cost and budget', async () => {
    const before = api.db.runner.statementCount;
    const started = performance.now();
    const { status, body } = await post(api.url, { query: `{ ${aliases(30)} }` });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors;
    expect(error.extensions.code).toBe('LIMIT_EXCEEDED');
    expect(error.extensions.budget).toBe(DEFAULT_REQUEST_LIMITS.costBudget);
    expect(error.extensions.cost).toBeGreaterThan(DEFAULT_REQUEST_LIMITS.costBudget);
    expect(error.message).toContain(
      `estimated cost is ${error.extensions.cost}, over the budget of ${DEFAULT_REQUEST_LIMITS.costBudget}`,
    );
    expect(api.db.runner.statementCount).toBe(before);
    await expectNormalQueryAnswered();
  });

  it('multiplies nested lists: 100 entities x 100 relationships x 100 relationships is refused', async () => {
    const query = `{ entities(first: 100) { edges { node { relationships(first: 100) { edges { node {
      relationships(first: 100) { edges { type } } } } } } } } }`;
    const { status, body } = await post(api.url, { query });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
    expect(body.errors[0].extensions.cost).toBeGreaterThan(1_000_000);
    await expectNormalQueryAnswered();
  });

  it('counts arguments given as variables: the same operation runs with a small limit, not a large one', async () => {
    const fields = Array.from({ length: 15 }, (_, i) => japan(`v${i}`, '$limit'));
    const query = `query Hood($limit: Int!) { ${fields.join(' ')} }`;
    const large = await post(api.url, { query, variables: { limit: 500 } });
    expect(large.body.errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
    const small = await post(api.url, { query, variables: { limit: 5 } });
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data.v0.nodes.length).toBeGreaterThan(1);
  });
});

describe('adversarial: work per request is bounded', () => {
  it('an operation past its time budget is LIMIT_EXCEEDED naming the budget', async () => {
    const url = await serverWith({ timeBudgetMs: 1 });
    // Parsing and validating alone use up a budget of 1 ms, so the first statement is refused.
    const { body } = await post(url, { query: '{ entity(id: "company:rapidus") { id name } }' });
    expect(body.errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
    expect(body.errors[0].message).toContain('time budget of 1 ms');
    await expectNormalQueryAnswered();
  });

  it("a statement running past the operation's time left is stopped by the database: LIMIT_EXCEEDED", async () => {
    const runner = budgetedRunner(api.db.runner, new RequestBudget({ timeBudgetMs: 500, maxStatements: 10 }));
    const started = performance.now();
    // Counts a billion rows: minutes, unless the transaction timeout (the 500 ms left) stops it.
    const slow = runner.read('adversarial-slow', 'UNWIND range(1, 1000000000) AS x RETURN count(x) AS n');
    await expect(slow).rejects.toMatchObject({
      extensions: { code: 'LIMIT_EXCEEDED' },
      message: expect.stringContaining('time budget of 500 ms'),
    });
    expect(performance.now() - started).toBeLessThan(30_000);
    await expectNormalQueryAnswered();
  });

  it('an operation needing more statements than the cap is LIMIT_EXCEEDED naming the cap', async () => {
    const url = await serverWith({ maxStatements: 2 });
    // The page and its count, then the relationships of its companies and the suppliers of their materials (below
    // Entity.relationships, read level by level): four statements.
    const query = `{ entities(kind: Company, first: 5) { edges { node {
      relationships(first: 3) { edges { node { ... on Material { suppliers { id } } } } } } } } }`;
    const { body } = await post(url, { query });
    expect(body.errors.map((e: any) => e.extensions.code)).toContain('LIMIT_EXCEEDED');
    expect(body.errors.find((e: any) => e.extensions.code === 'LIMIT_EXCEEDED').message).toContain(
      'more than 2 database statements',
    );
    await expectNormalQueryAnswered(url);
  });

  it('a response larger than the cap is replaced by LIMIT_EXCEEDED naming its size and the cap', async () => {
    const url = await serverWith({ maxResponseBytes: 10_000 });
    const { body } = await post(url, { query: `{ ${japan('a', 200)} }` });
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', maxBytes: 10_000 });
    expect(body.errors[0].extensions.bytes).toBeGreaterThan(10_000);
    expect(body.errors[0].message).toMatch(/over the cap of 10000 bytes/);
    await expectNormalQueryAnswered(url);
  });
});

describe('adversarial: exports run under the same budget', () => {
  it('a download spends from the same statement budget', async () => {
    const url = await serverWith({ maxStatements: 1 });
    const response = await fetch(url.replace(/\/graphql$/, '/export/graphml?selection=graph'));
    expect(response.status).toBe(503);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
    expect(body.errors[0].message).toContain('more than 1 database statements');
  });
});

describe('adversarial: malformed requests get their clear code', () => {
  it('deeply nested variables are BAD_USER_INPUT, naming the variable', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 2000; i += 1) deep = { nameContains: deep };
    const { status, body } = await post(api.url, {
      query: 'query Deep($f: EntityFilter) { entities(filter: $f) { totalCount } }',
      variables: { f: deep },
    });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toContain('$f');
    await expectNormalQueryAnswered();
  });

  it('a variable of the wrong type is BAD_USER_INPUT, naming the variable', async () => {
    const { status, body } = await post(api.url, {
      query: 'query Hood($depth: Int!) { neighborhood(id: "country:japan", depth: $depth) { truncated } }',
      variables: { depth: 'three' },
    });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/\$depth.*Int/);
    await expectNormalQueryAnswered();
  });

  it('an unknown operation name is OPERATION_RESOLUTION_FAILURE, naming it', async () => {
    const { status, body } = await post(api.url, {
      query: 'query Known { graphStats { entityCount } }',
      operationName: 'Unknown',
    });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
    expect(body.errors[0].message).toContain('Unknown');
    await expectNormalQueryAnswered();
  });

  it('a batch of operations is refused as BAD_REQUEST: one operation per request', async () => {
    const one = { query: '{ entity(id: "company:rapidus") { id } }' };
    const { status, body } = await post(
      api.url,
      Array.from({ length: 50 }, () => one),
    );
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toMatch(/batching/i);
    await expectNormalQueryAnswered();
  });

  it('a huge string argument is BAD_USER_INPUT naming the allowed length', async () => {
    const { body } = await post(api.url, { query: `{ search(text: "${'a'.repeat(500_000)}") { score } }` });
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'text' });
    expect(body.errors[0].message).toContain("'text' must be at most 200 characters, got 500000");
    await expectNormalQueryAnswered();
  });

  it('a huge string in an id is answered cheaply (no such entity)', async () => {
    const { body } = await post(api.url, {
      query: 'query Find($id: ID!) { entity(id: $id) { id } }',
      variables: { id: 'company:'.repeat(100_000) },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.entity).toBeNull();
    await expectNormalQueryAnswered();
  });

  it('a body over the request size limit is a JSON 413 BAD_REQUEST', async () => {
    const { status, body } = await post(api.url, { query: `{ search(text: "${'a'.repeat(2_000_000)}") { score } }` });
    expect(status).toBe(413);
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(body.errors[0].message).toBe('The request body is larger than the limit of 1048576 bytes');
    await expectNormalQueryAnswered();
  });
});

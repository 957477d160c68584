/**
 * Errors: bad arguments are BAD_USER_INPUT naming the argument and the allowed range; unexpected failures are
 * INTERNAL_SERVER_ERROR with no details outside development; an unreachable database is DATABASE_UNAVAILABLE.
 * The failing databases here are real: a Neo4j asked for a database it does not have, and a closed port.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueryRunner } from '../../../src/db/query-runner.ts';
import { startServer } from '../../../src/server.ts';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';
import { freePort } from '../../helpers/free-port.ts';
import { providedNeo4j, silentLogger } from '../../helpers/test-neo4j.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
});
afterAll(() => api.close());

describe('errors: BAD_USER_INPUT names the argument', () => {
  it.each([
    ['{ entities(first: 500) { totalCount } }', 'first', "'first' must be between 0 and 100, got 500"],
    ['{ entities(last: 500) { totalCount } }', 'last', "'last' must be between 0 and 100, got 500"],
    ['{ entities(after: "garbage") { totalCount } }', 'after', "'after' is not a cursor this API issued"],
    ['{ search(text: "!!!") { score } }', 'text', "'text' must contain at least one letter or digit"],
    ['{ search(text: "tsmc", first: 101) { score } }', 'first', "'first' must be between 1 and 100, got 101"],
    ['{ neighborhood(id: "company:tsmc", depth: 4) { truncated } }', 'depth', "'depth' must be between 1 and 3, got 4"],
    [
      '{ neighborhood(id: "company:tsmc", limit: 501) { truncated } }',
      'limit',
      "'limit' must be between 1 and 500, got 501",
    ],
    [
      '{ shortestPath(from: "company:tsmc", to: "country:japan", maxHops: 11) { length } }',
      'maxHops',
      "'maxHops' must be between 1 and 10, got 11",
    ],
    ['{ neighborhood(id: "company:tsmc", types: []) { truncated } }', 'types', "'types' must not be an empty list"],
    [
      '{ crossReference(filter: { minCategories: 0 }) { totalCount } }',
      'filter.minCategories',
      "'filter.minCategories' must be between 1 and 20, got 0",
    ],
    [
      '{ entity(id: "company:tsmc") { relationships(first: 1000) { totalCount } } }',
      'first',
      "'first' must be between 0 and 100, got 1000",
    ],
  ])('%s', async (query, argument, message) => {
    const { data, errors } = await api.graphql(query);
    expect(errors).toHaveLength(1);
    expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
    expect(errors?.[0]?.message).toContain(message);
    expect(data === null || Object.values(data ?? {}).every((v) => v === null)).toBe(true);
  });

  it('a malformed partial date in a variable is BAD_USER_INPUT, naming the variable', async () => {
    const { errors } = await api.graphql('query($d: PartialDate) { crossReference(asOf: $d) { totalCount } }', {
      d: '2022-13',
    });
    expect(errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(/\$d.*YYYY, YYYY-MM or YYYY-MM-DD.*"2022-13"/);
  });

  it('an unknown field is a validation error', async () => {
    const { errors } = await api.graphql('{ entity(id: "company:tsmc") { colour } }');
    expect(errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('errors: request limits are LIMIT_EXCEEDED', () => {
  it('refuses an operation nested deeper than the limit', async () => {
    let selection = '{ id }';
    for (let i = 0; i < 7; i += 1) selection = `{ relationships(first: 1) { edges { node ${selection} } } }`;
    const { errors } = await api.graphql(`{ entity(id: "company:tsmc") ${selection} }`);
    expect(errors?.[0]?.extensions).toEqual({ code: 'LIMIT_EXCEEDED' });
    expect(errors?.[0]?.message).toMatch(/depth limit of 12/);
  });

  it('refuses more aliases than the limit (each could be a whole neighborhood)', async () => {
    const fields = Array.from(
      { length: 31 },
      (_, i) => `n${i}: neighborhood(id: "country:japan", depth: 3, limit: 500) { truncated }`,
    );
    const { errors } = await api.graphql(`{ ${fields.join(' ')} }`);
    expect(errors?.[0]?.extensions).toEqual({ code: 'LIMIT_EXCEEDED' });
    expect(errors?.[0]?.message).toMatch(/Aliases limit of 30/);
  });

  it('refuses a document longer than the token limit', async () => {
    const { errors } = await api.graphql(`{ ${'__typename '.repeat(6000)} }`);
    expect(errors?.[0]?.message).toMatch(/5000 tokens/);
    expect(errors?.[0]?.extensions).toEqual({ code: 'LIMIT_EXCEEDED' });
  });

  it('still answers introspection, which GraphiQL needs', async () => {
    const { data, errors } = await api.graphql(
      '{ __schema { queryType { name } types { name fields { name type { name ofType { name ofType { name } } } } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.__schema.queryType.name).toBe('Query');
  });
});

describe('errors: HTTP outside GraphQL', () => {
  it('a body that is not JSON is a JSON 400, without a stack', async () => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(JSON.stringify(body)).not.toMatch(/ at /);
  });

  it('an unknown path is a JSON 404; the vendor route serves only its four files', async () => {
    const base = api.url.replace(/\/graphql$/, '');
    const unknown = await fetch(`${base}/nowhere`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).errors[0].extensions).toEqual({ code: 'NOT_FOUND' });
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect((await fetch(`${base}/graphiql/vendor/${name}`)).status, name).toBe(404);
    }
  });

  it('GET works for queries with the CSRF-prevention header, and is refused without it', async () => {
    const url = `${api.url}?query=${encodeURIComponent('{ entity(id: "company:tsmc") { name } }')}`;
    const withHeader = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(withHeader.status).toBe(200);
    expect(await withHeader.json()).toEqual({ data: { entity: { name: 'TSMC' } } });
    expect((await fetch(url)).status).toBe(400);
  });
});

describe('errors: database failures', () => {
  async function serverWith(database: string, uri: string, development: boolean) {
    const { user, password } = providedNeo4j();
    const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
      connectionTimeout: 2000,
      maxTransactionRetryTime: 1000,
    });
    const runner = createQueryRunner(driver, database, 5000);
    const server = await startServer(
      {
        runner,
        pingDatabase: () => driver.verifyConnectivity({ database }).then(() => undefined),
        logger: silentLogger,
        development,
      },
      '127.0.0.1',
      0,
    );
    return {
      url: server.url,
      query: async (query: string) =>
        (await (
          await fetch(`${server.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query }),
          })
        ).json()) as any,
      close: async () => {
        await server.stop();
        await driver.close();
      },
    };
  }

  it('masks an unexpected database error as INTERNAL_SERVER_ERROR in production, with no stack', async () => {
    const server = await serverWith('nosuchdatabase', providedNeo4j().uri, false);
    try {
      const body = await server.query('{ graphStats { entityCount } }');
      expect(body.errors[0]).toEqual({
        message: 'Internal server error',
        locations: expect.any(Array),
        path: ['graphStats'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    } finally {
      await server.close();
    }
  });

  it('shows the internal message in development, still without a stack', async () => {
    const server = await serverWith('nosuchdatabase', providedNeo4j().uri, true);
    try {
      const body = await server.query('{ graphStats { entityCount } }');
      expect(body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(body.errors[0].message).toMatch(/nosuchdatabase/i);
    } finally {
      await server.close();
    }
  });

  it('an unreachable database is DATABASE_UNAVAILABLE, and /health/ready says 503 while /health/live stays 200', async () => {
    const server = await serverWith('neo4j', `bolt://127.0.0.1:${await freePort()}`, false);
    try {
      const body = await server.query('{ graphStats { entityCount } }');
      expect(body.errors[0].extensions).toEqual({ code: 'DATABASE_UNAVAILABLE' });
      expect((await fetch(`${server.url}/health/ready`)).status).toBe(503);
      expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

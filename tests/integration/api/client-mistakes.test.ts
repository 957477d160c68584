/**
 * Client mistakes are answered as the client's: a code naming the kind of mistake, never INTERNAL_SERVER_ERROR or
 * HTTP 500, and nothing logged as an unexpected error (the log is for the server's faults).
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../src/server.ts';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';

let api: ApiServer;
let server: RunningServer;
let url: string;
const logged: Array<{ level: number; msg: string }> = [];

beforeAll(async () => {
  api = await startApiServer();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logged.push(JSON.parse(line));
      done();
    },
  });
  server = await startServer(
    { runner: api.db.runner, pingDatabase: api.db.ping, logger: pino({ level: 'warn' }, sink), development: false },
    '127.0.0.1',
    0,
  );
  url = `${server.url}/graphql`;
});
afterAll(async () => {
  await server?.stop();
  await api?.close();
});

async function send(body: unknown, accept = 'application/graphql-response+json') {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

const MISTAKES: Array<[string, unknown, string]> = [
  [
    'a null variable for a non-null argument',
    { query: 'query($d: Int) { neighborhood(id: "company:tsmc", depth: $d) { truncated } }', variables: { d: null } },
    'BAD_USER_INPUT',
  ],
  ['a null literal for a non-null argument', { query: '{ entity(id: null) { name } }' }, 'GRAPHQL_VALIDATION_FAILED'],
  [
    'a persisted query of an unknown version',
    { extensions: { persistedQuery: { version: 2, sha256Hash: 'abc' } } },
    'BAD_REQUEST',
  ],
  [
    'a persisted query whose hash does not match',
    { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: '00' } } },
    'BAD_REQUEST',
  ],
  [
    'an unknown persisted query',
    { extensions: { persistedQuery: { version: 1, sha256Hash: 'ab' } } },
    'PERSISTED_QUERY_NOT_FOUND',
  ],
  ['an argument out of range', { query: '{ entities(first: 500) { totalCount } }' }, 'BAD_USER_INPUT'],
  ['a field that does not exist', { query: '{ nope }' }, 'GRAPHQL_VALIDATION_FAILED'],
  ['a syntax error', { query: '{ entity(id: ' }, 'GRAPHQL_PARSE_FAILED'],
];

describe('Client mistakes: a code of their own, never a server error', () => {
  it.each(MISTAKES)('%s', async (_name, body, code) => {
    const before = logged.filter((l) => l.level >= 50).length;
    const answer = await send(body);
    expect(answer.status).not.toBe(500);
    expect(answer.body.errors[0].extensions.code).toBe(code);
    expect(logged.filter((l) => l.level >= 50).length).toBe(before);
  });

  it('a legacy application/json client gets them with 200, as GraphQL over HTTP asks', async () => {
    const answer = await send(MISTAKES[0]![1], 'application/json');
    expect(answer.status).toBe(200);
    expect(answer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

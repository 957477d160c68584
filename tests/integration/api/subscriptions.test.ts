/**
 * Subscription.graphChanged over WebSocket (graphql-ws), against the real Neo4j: curated writes reach every
 * subscriber in commit order, from any replica; a subscriber that resumes with the last id it saw misses nothing;
 * refused writes never appear; filters and limits are checked as on HTTP. Expected changes are worked by hand from
 * the writes each test makes and the data files (the paper's org:imec is BASED_IN country:belgium).
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ApiKey } from '../../../src/config.ts';
import type { PlanOperator, QueryRunner } from '../../../src/db/query-runner.ts';
import { VOCABULARY } from '../../../src/model/vocabulary.ts';
import { EXAMPLE_SUBSCRIPTIONS } from '../../../src/playground/example-queries.ts';
import { ChangeFeed } from '../../../src/subscriptions/change-feed.ts';
import { startServer, type RunningServer } from '../../../src/server.ts';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';
import { silentLogger } from '../../helpers/test-neo4j.ts';

const NOTES = fileURLToPath(new URL('../../fixtures/curated-writes/notes.yaml', import.meta.url));
const ALICE_KEY = 'alice-key-0123456789abcdef';
const apiKeys: ApiKey[] = [{ curator: 'alice', digest: createHash('sha256').update(ALICE_KEY).digest() }];
const alice = { authorization: `Bearer ${ALICE_KEY}` };

const PAPER = 'japan-supply-chain-policy';
const RAPIDUS_SECTION = '1) US-Japan Semiconductor Cooperation';
const RAPIDUS_QUOTE =
  'declared a policy of establishing Rapidus Co., Ltd. as a semiconductor mass production manufacturing base in Japan';
const ACME_QUOTE = 'Acme Rare Earths supplies neon to the Japanese market.';
const IMEC_IN_BELGIUM = 'BASED_IN:org:imec->country:belgium';
const POLL_MS = 100;
const MAX_PER_CLIENT = 6;

const FEED = `subscription ($kinds: [EntityKind!], $types: [RelationshipType!], $after: ID) {
  graphChanged(kinds: $kinds, types: $types, after: $after) {
    id curator action operation subject subjectId kind type source target kinds reason
    citation { section quote document { id } }
    entity { id name }
    relationship { id }
  }
}`;

type Change = Record<string, any>;

const recorded = new Map<string, { operation: string; query: string; params: Record<string, unknown> }>();

/** Records the change feed's statements, to EXPLAIN them. */
function recording(runner: QueryRunner): QueryRunner {
  return {
    read: (operation, query, params = {}, options) => {
      if (operation.startsWith('change-feed.')) recorded.set(operation, { operation, query, params });
      return runner.read(operation, query, params, options);
    },
    write: (operation, query, params, options) => runner.write(operation, query, params, options),
    writeTransaction: (operation, work, options) => runner.writeTransaction(operation, work, options),
    explain: (operation, query, params) => runner.explain(operation, query, params),
    get statementCount() {
      return runner.statementCount;
    },
  };
}

let api: ApiServer;
/** A second replica on the same database, as behind a load balancer. */
let replica: RunningServer;
const clients: Client[] = [];

beforeAll(async () => {
  api = await startApiServer({
    apiKeys,
    extraFiles: [NOTES],
    wrapRunner: recording,
    subscriptions: { pollIntervalMs: POLL_MS, maxPerClient: MAX_PER_CLIENT },
  });
  replica = await startServer(
    {
      runner: api.db.runner,
      pingDatabase: api.db.ping,
      logger: silentLogger,
      development: false,
      apiKeys,
      subscriptions: { pollIntervalMs: POLL_MS },
    },
    '127.0.0.1',
    0,
  );
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await replica?.stop();
  await api?.close();
});

function client(graphqlUrl: string = api.url): Client {
  const made = createClient({
    url: graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
  });
  clients.push(made);
  return made;
}

/** A subscription whose results are kept as they come, to be awaited a number at a time. */
function subscribe(on: Client, variables: Record<string, unknown> = {}) {
  const results: FormattedExecutionResult<Record<string, any>, unknown>[] = [];
  let failure: unknown;
  let completed = false;
  let wake = () => {};
  const unsubscribe = on.subscribe<Record<string, any>>(
    { query: FEED, variables },
    {
      next: (result) => {
        results.push(result);
        wake();
      },
      error: (error) => {
        failure = error;
        wake();
      },
      complete: () => {
        completed = true;
        wake();
      },
    },
  );
  return {
    results,
    unsubscribe,
    /** The first `count` changes, or the failure. */
    async changes(count: number, timeoutMs = 15_000): Promise<Change[]> {
      const deadline = Date.now() + timeoutMs;
      while (results.length < count && failure === undefined && !completed && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 200);
        });
      }
      if (failure !== undefined) throw new Error(`subscription failed: ${JSON.stringify(failure)}`);
      for (const result of results) expect(result.errors).toBeUndefined();
      expect(results.length).toBeGreaterThanOrEqual(count);
      return results.slice(0, count).map((result) => result.data?.['graphChanged'] as Change);
    },
    /** Resolves once the subscription ended, with its results (an error result, for a refused one). */
    async ended(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (failure === undefined && !completed && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return { results, failure, completed };
    },
  };
}

/** Waits until `count` subscriptions are registered with the change feed of the server at `base`. */
async function feedServes(count: number, base: string = api.url.replace(/\/graphql$/, '')) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const metrics = await (await fetch(`${base}/metrics`)).text();
    const open = Number(/^graphql_subscriptions_open (\d+)/m.exec(metrics)?.[1] ?? 0);
    if (open >= count) return;
    if (Date.now() > deadline) throw new Error(`the change feed serves ${open} subscriptions, not ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function write(mutation: string, input: Record<string, unknown>, headers: Record<string, string> = alice) {
  const { body } = await api.post(mutation, { input }, headers);
  expect(body.errors).toBeUndefined();
  return body.data as Record<string, any>;
}

const CREATE = `mutation ($input: CreateEntityInput!) { createEntity(input: $input) { audit { id } } }`;
const UPDATE = `mutation ($input: UpdateEntityInput!) { updateEntity(input: $input) { audit { id } } }`;
const LINK = `mutation ($input: LinkInput!) { link(input: $input) { audit { id } } }`;
const UNLINK = `mutation ($input: UnlinkInput!) { unlink(input: $input) { audit { id } } }`;

const rapidusUpdate = (name: string) => ({
  id: 'company:rapidus',
  name,
  citation: { documentId: PAPER, section: RAPIDUS_SECTION, quote: RAPIDUS_QUOTE },
});

describe('Subscription.graphChanged: delivery', () => {
  it('delivers each curated write to two subscribers, in commit order, with who made it and its citation', async () => {
    const first = subscribe(client());
    const second = subscribe(client());
    await feedServes(2);

    const created = await write(CREATE, {
      id: 'company:acme-rare-earths',
      kind: 'Company',
      name: 'Acme Rare Earths',
      citation: { documentId: 'curator-notes', section: '2. Ordinary facts', quote: ACME_QUOTE },
    });
    const updated = await write(UPDATE, rapidusUpdate('Rapidus Corporation'));
    const unlinked = await write(UNLINK, { id: IMEC_IN_BELGIUM, reason: 'moved to a test of the feed' });
    const linked = await write(LINK, {
      type: 'BASED_IN',
      from: 'org:imec',
      to: 'country:belgium',
      citation: { documentId: PAPER, section: RAPIDUS_SECTION, quote: 'IMEC in Belgium' },
    });

    const expected = [
      {
        id: created['createEntity'].audit.id,
        curator: 'alice',
        action: 'CREATE_ENTITY',
        operation: 'CREATED',
        subject: 'ENTITY',
        subjectId: 'company:acme-rare-earths',
        kind: 'Company',
        type: null,
        source: null,
        target: null,
        kinds: ['Company'],
        reason: null,
        citation: { section: '2. Ordinary facts', quote: ACME_QUOTE, document: { id: 'curator-notes' } },
        entity: { id: 'company:acme-rare-earths', name: 'Acme Rare Earths' },
        relationship: null,
      },
      {
        id: updated['updateEntity'].audit.id,
        curator: 'alice',
        action: 'UPDATE_ENTITY',
        operation: 'UPDATED',
        subject: 'ENTITY',
        subjectId: 'company:rapidus',
        kind: 'Company',
        type: null,
        source: null,
        target: null,
        kinds: ['Company'],
        reason: null,
        citation: { section: RAPIDUS_SECTION, quote: RAPIDUS_QUOTE, document: { id: PAPER } },
        entity: { id: 'company:rapidus', name: 'Rapidus Corporation' },
        relationship: null,
      },
      {
        id: unlinked['unlink'].audit.id,
        curator: 'alice',
        action: 'UNLINK',
        operation: 'REMOVED',
        subject: 'RELATIONSHIP',
        subjectId: IMEC_IN_BELGIUM,
        kind: null,
        type: 'BASED_IN',
        source: 'org:imec',
        target: 'country:belgium',
        kinds: ['Organization', 'Country'],
        reason: 'moved to a test of the feed',
        citation: null,
        entity: null,
        relationship: null,
      },
      {
        id: linked['link'].audit.id,
        curator: 'alice',
        action: 'LINK',
        operation: 'CREATED',
        subject: 'RELATIONSHIP',
        subjectId: IMEC_IN_BELGIUM,
        kind: null,
        type: 'BASED_IN',
        source: 'org:imec',
        target: 'country:belgium',
        kinds: ['Organization', 'Country'],
        reason: null,
        citation: { section: RAPIDUS_SECTION, quote: 'IMEC in Belgium', document: { id: PAPER } },
        entity: null,
        relationship: { id: IMEC_IN_BELGIUM },
      },
    ];
    expect(await first.changes(4)).toEqual(expected);
    expect(await second.changes(4)).toEqual(expected);
    first.unsubscribe();
    second.unsubscribe();
  });

  it('is delivered by every replica: a write through one reaches a subscriber of the other', async () => {
    const onReplica = subscribe(client(`${replica.url}/graphql`));
    await feedServes(1, replica.url);
    const written = await write(UPDATE, rapidusUpdate('Rapidus'));
    const [change] = await onReplica.changes(1);
    expect(change).toMatchObject({ id: written['updateEntity'].audit.id, subjectId: 'company:rapidus' });
    expect(change?.['entity']).toEqual({ id: 'company:rapidus', name: 'Rapidus' });
    onReplica.unsubscribe();
  });

  it('misses nothing across a reconnect that resumes after the last id seen', async () => {
    const before = subscribe(client());
    await feedServes(1);
    const one = await write(UPDATE, rapidusUpdate('Rapidus One'));
    const [seen] = await before.changes(1);
    expect(seen?.['id']).toBe(one['updateEntity'].audit.id);
    before.unsubscribe();

    // Written while no one listens.
    const two = await write(UPDATE, rapidusUpdate('Rapidus Two'));
    const three = await write(UPDATE, rapidusUpdate('Rapidus Three'));

    const after = subscribe(client(), { after: seen?.['id'] });
    const caughtUp = await after.changes(2);
    const four = await write(UPDATE, rapidusUpdate('Rapidus'));
    const all = await after.changes(3);
    expect(caughtUp.map((c) => c['id'])).toEqual([two['updateEntity'].audit.id, three['updateEntity'].audit.id]);
    expect(all.map((c) => c['id'])).toEqual([
      two['updateEntity'].audit.id,
      three['updateEntity'].audit.id,
      four['updateEntity'].audit.id,
    ]);
    after.unsubscribe();
  });

  it('never shows a refused write: without a key, with a wrong key, or one that fails validation', async () => {
    const anchor = await write(UPDATE, rapidusUpdate('Rapidus'));
    const feed = subscribe(client(), { after: anchor['updateEntity'].audit.id });
    for (const headers of [{}, { authorization: 'Bearer not-a-key-at-all-000000' }] as Record<string, string>[]) {
      const { status } = await api.post(UPDATE, { input: rapidusUpdate('Rapidus Intruder') }, headers);
      expect(status).toBe(401);
    }
    const invalid = await api.post(
      UPDATE,
      {
        input: {
          ...rapidusUpdate('Rapidus Misquoted'),
          citation: { documentId: PAPER, section: RAPIDUS_SECTION, quote: 'never said in the paper' },
        },
      },
      alice,
    );
    expect(invalid.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const accepted = await write(UPDATE, rapidusUpdate('Rapidus Co., Ltd.'));
    const [change] = await feed.changes(1);
    expect(change?.['id']).toBe(accepted['updateEntity'].audit.id);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS * 3));
    expect(feed.results).toHaveLength(1);
    feed.unsubscribe();
  });
});

describe('ChangeFeed: a slow subscriber', () => {
  it('catches up from the log, a page at a time, once it falls more changes behind than it may queue', async () => {
    const feed = new ChangeFeed(api.db.runner, VOCABULARY, silentLogger, {
      pollIntervalMs: 20,
      pageSize: 2,
      maxQueued: 2,
    });
    const changes = await feed.subscribe({ kinds: null, types: null }, null);
    try {
      const ids: string[] = [];
      for (const name of ['Rapidus A', 'Rapidus B', 'Rapidus C', 'Rapidus D', 'Rapidus E']) {
        ids.push((await write(UPDATE, rapidusUpdate(name)))['updateEntity'].audit.id);
      }
      // Not consumed meanwhile: the polls offered five changes to a queue of two.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const seen: string[] = [];
      for (let i = 0; i < ids.length; i += 1)
        seen.push(((await changes.next()).value as { entry: { id: string } }).entry.id);
      expect(seen).toEqual(ids);
      const last = (await write(UPDATE, rapidusUpdate('Rapidus')))['updateEntity'].audit.id;
      expect(((await changes.next()).value as { entry: { id: string } }).entry.id).toBe(last);
    } finally {
      await changes.return?.();
    }
    expect(feed.size).toBe(0);
  });
});

describe('Subscription.graphChanged: the playground examples', () => {
  it.each(EXAMPLE_SUBSCRIPTIONS.map((e) => [e.title, e.query]))('runs "%s"', async (_title, query) => {
    const results: unknown[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const stop = client().subscribe(
        { query, variables: {} },
        {
          next: (result) => {
            results.push(result);
            stop();
            resolve();
          },
          error: reject,
          complete: resolve,
        },
      );
    });
    await feedServes(1);
    const written = await write(UPDATE, rapidusUpdate('Rapidus Co., Ltd.'));
    await done;
    expect(results).toEqual([
      { data: { graphChanged: expect.objectContaining({ id: written['updateEntity'].audit.id }) } },
    ]);
  });
});

describe('Subscription.graphChanged: filters', () => {
  it('keeps only the changes of the kinds or types asked for', async () => {
    const anchor = await write(UPDATE, rapidusUpdate('Rapidus'));
    const after = anchor['updateEntity'].audit.id;
    const countries = subscribe(client(), { after, kinds: ['Country'] });
    const basedIn = subscribe(client(), { after, types: ['BASED_IN'] });
    const companies = subscribe(client(), { after, kinds: ['Company'] });
    await write(UPDATE, rapidusUpdate('Rapidus Corporation'));
    const removed = await write(UNLINK, { id: IMEC_IN_BELGIUM, reason: 'a test of filters' });
    const relinked = await write(LINK, {
      type: 'BASED_IN',
      from: 'org:imec',
      to: 'country:belgium',
      citation: { documentId: PAPER, section: RAPIDUS_SECTION, quote: 'IMEC in Belgium' },
    });
    const last = await write(UPDATE, rapidusUpdate('Rapidus'));
    const relationshipIds = [removed['unlink'].audit.id, relinked['link'].audit.id];
    expect((await countries.changes(2)).map((c) => c['id'])).toEqual(relationshipIds);
    expect((await basedIn.changes(2)).map((c) => c['id'])).toEqual(relationshipIds);
    const companyChanges = await companies.changes(2);
    expect(companyChanges.map((c) => c['subjectId'])).toEqual(['company:rapidus', 'company:rapidus']);
    expect(companyChanges[1]?.['id']).toBe(last['updateEntity'].audit.id);
    for (const feed of [countries, basedIn, companies]) feed.unsubscribe();
  });

  it('refuses a bad filter or resume position with BAD_USER_INPUT naming the argument', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kinds: [] }, 'kinds'],
      [{ types: [] }, 'types'],
      [{ after: 'no-such-entry' }, 'after'],
    ];
    for (const [variables, argument] of cases) {
      const { results } = await subscribe(client(), variables).ended();
      expect(results[0]?.errors?.[0]?.extensions, argument).toEqual({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('refuses a value outside the model, and queries or mutations, before subscribing', async () => {
    const unknownKind = await subscribe(client(), { kinds: ['Spaceship'] }).ended();
    expect(unknownKind.failure).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Variable "\$kinds" got invalid value "Spaceship"/),
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    ]);

    const errors = await new Promise<unknown>((resolve) => {
      client().subscribe(
        { query: '{ entity(id: "company:rapidus") { name } }' },
        {
          next: () => {},
          error: resolve,
          complete: () => resolve(undefined),
        },
      );
    });
    expect(errors).toEqual([
      expect.objectContaining({
        message: 'Only subscriptions are served over WebSocket; send a query to POST /graphql',
        extensions: { code: 'BAD_REQUEST' },
      }),
    ]);

    // And the other way round: a subscription sent over HTTP (a field error, so HTTP 200 with no data).
    const overHttp = await api.post('subscription { graphChanged { id } }');
    expect(overHttp.body.data).toBeNull();
    expect(overHttp.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(overHttp.body.errors?.[0]?.message).toMatch(/^Subscriptions are served over WebSocket/);
  });
});

describe('Subscription.graphChanged: limits', () => {
  it(`keeps at most ${MAX_PER_CLIENT} subscriptions open per client (LIMIT_EXCEEDED)`, async () => {
    const on = client();
    const open = Array.from({ length: MAX_PER_CLIENT }, () => subscribe(on));
    await feedServes(MAX_PER_CLIENT);
    const refused = await new Promise<unknown>((resolve) => {
      client().subscribe({ query: FEED }, { next: () => {}, error: resolve, complete: () => resolve(undefined) });
    });
    expect(refused).toEqual([
      expect.objectContaining({ extensions: { code: 'LIMIT_EXCEEDED', limit: MAX_PER_CLIENT } }),
    ]);
    for (const feed of open) feed.unsubscribe();
    // Completed subscriptions give their places back.
    const again = subscribe(client());
    await feedServes(1);
    again.unsubscribe();
  });

  it('counts a connection as a request against the per-client rate limit (HTTP 429 on upgrade)', async () => {
    const limited = await startServer(
      {
        runner: api.db.runner,
        pingDatabase: api.db.ping,
        logger: silentLogger,
        development: false,
        rateLimit: { requests: 2, windowSeconds: 60, loopback: true },
      },
      '127.0.0.1',
      0,
    );
    try {
      const url = `${limited.url.replace(/^http/, 'ws')}/graphql`;
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        statuses.push(
          await new Promise<number>((resolve) => {
            const socket = new WebSocket(url, 'graphql-transport-ws');
            socket.on('open', () => {
              socket.close();
              resolve(101);
            });
            socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
          }),
        );
      }
      expect(statuses).toEqual([101, 101, 429]);
    } finally {
      await limited.stop();
    }
  });

  it('reads the log with its index, in order: no label scan and no sort', async () => {
    expect([...recorded.keys()].sort()).toEqual(['change-feed.entries', 'change-feed.head', 'change-feed.position']);
    const operators = (plan: PlanOperator): PlanOperator[] => [plan, ...plan.children.flatMap(operators)];
    for (const { operation, query, params } of recorded.values()) {
      const used = operators(await api.db.runner.explain(operation, query, params));
      const names = used.map((op) => op.operator);
      expect(
        names.some((name) => /NodeIndex|NodeUniqueIndex/.test(name)),
        `${operation}: ${names}`,
      ).toBe(true);
      expect(
        names.some((name) => /LabelScan|AllNodesScan|Sort|Top/.test(name)),
        `${operation}: ${names}`,
      ).toBe(false);
    }
  });
});

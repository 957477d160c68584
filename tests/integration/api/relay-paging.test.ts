/**
 * Relay's connection and object-identification specs over HTTP, on every connection of the API: nullable `first`
 * (null is the default page), `first: 0` (an empty page with its total and whether items follow), `last` and
 * `before` (walking backward gives the forward walk reversed), bad paging input named; and `node(id:)` resolving a
 * relationship id. The answers are held to one another and to the data files, not to this corpus's totals (the
 * api+second-document project runs this file with a second document beside the paper).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKey } from '../../../src/config.ts';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';

const CURATOR_KEY = 'relay-key-0123456789abcdef';
const apiKeys: ApiKey[] = [{ curator: 'relay', digest: createHash('sha256').update(CURATOR_KEY).digest() }];

const ARGS = 'first: $first, after: $after, last: $last, before: $before';
const VARS = '$first: Int, $after: String, $last: Int, $before: String';
const PAGE_INFO = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

interface Connection {
  /** The operation; its connection is aliased `c`. */
  query: string;
  /** The connection in the answer. */
  pick: (data: any) => any;
  /** What tells an edge apart from the others. */
  identity: (edge: any) => string;
  /** The default page size, as the schema describes it. */
  defaultSize: number;
}

const CONNECTIONS: Record<string, Connection> = {
  'Query.entities': {
    query: `query(${VARS}) { c: entities(kind: Company, ${ARGS}) { ${PAGE_INFO} edges { cursor node { id } } } }`,
    pick: (d) => d.c,
    identity: (e) => e.node.id,
    defaultSize: 20,
  },
  'Entity.relationships': {
    query: `query(${VARS}) { entity(id: "country:japan") { c: relationships(${ARGS}) {
      ${PAGE_INFO} edges { cursor relationship { id } } } } }`,
    pick: (d) => d.entity.c,
    identity: (e) => e.relationship.id,
    defaultSize: 20,
  },
  'Document.facts': {
    query: `query(${VARS}) { node(id: "japan-supply-chain-policy") { ... on Document { c: facts(table: "Table 1", ${ARGS}) {
      ${PAGE_INFO} edges { cursor node { citation { row quote } entity { id } relationship { id } } } } } } }`,
    pick: (d) => d.node.c,
    identity: (e) => `${e.node.citation.row}|${e.node.entity?.id}|${e.node.relationship?.id}|${e.node.citation.quote}`,
    defaultSize: 20,
  },
  'Query.crossReference': {
    query: `query(${VARS}) { c: crossReference(filter: { categories: ["material:semiconductors"] }, ${ARGS}) {
      ${PAGE_INFO} edges { cursor node { relationship { id } } } } }`,
    pick: (d) => d.c,
    identity: (e) => e.node.relationship.id,
    defaultSize: 100,
  },
  'Query.supplyRisk': {
    query: `query(${VARS}) { c: supplyRisk(${ARGS}) { ${PAGE_INFO} edges { cursor node { material { id } } } } }`,
    pick: (d) => d.c,
    identity: (e) => e.node.material.id,
    defaultSize: 20,
  },
  'Query.changes': {
    query: `query(${VARS}) { c: changes(from: "2000", to: "2030", ${ARGS}) {
      ${PAGE_INFO} edges { cursor node { change relationship { id } } } } }`,
    pick: (d) => d.c,
    identity: (e) => `${e.node.change} ${e.node.relationship.id}`,
    defaultSize: 50,
  },
  'Community.members': {
    query: `query(${VARS}) { communities(first: 1) { c: members(${ARGS}) { ${PAGE_INFO} edges { cursor node { id } } } } }`,
    pick: (d) => d.communities[0].c,
    identity: (e) => e.node.id,
    defaultSize: 20,
  },
  'Query.auditLog': {
    query: `query(${VARS}) { c: auditLog(${ARGS}) { ${PAGE_INFO} edges { cursor node { id touched } } } }`,
    pick: (d) => d.c,
    identity: (e) => e.node.id,
    defaultSize: 20,
  },
};

/** The curated writes the audit log holds, oldest first: seven new companies. */
const WRITTEN = Array.from({ length: 7 }, (_, i) => `company:relay-paging-${i + 1}`);

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer({ apiKeys });
  for (const id of WRITTEN) {
    const { errors } = await api.graphql(
      `mutation($input: CreateEntityInput!) { createEntity(input: $input) { entity { id } } }`,
      {
        input: {
          id,
          kind: 'Company',
          name: `Relay paging ${id}`,
          citation: {
            documentId: 'japan-supply-chain-policy',
            section: '1) Semiconductors',
            quote: "Taiwan's TSMC Kumamoto plant",
          },
        },
      },
      { authorization: `Bearer ${CURATOR_KEY}` },
    );
    expect(errors).toBeUndefined();
  }
});
afterAll(() => api?.close());

async function page(connection: Connection, variables: Record<string, unknown>): Promise<any> {
  const { data, errors } = await api.graphql(connection.query, variables);
  expect(errors, JSON.stringify(variables)).toBeUndefined();
  return connection.pick(data);
}

/** Every edge, walking forward `size` at a time; checks each page's pageInfo on the way. */
async function walkForward(connection: Connection, size: number): Promise<{ ids: string[]; cursors: string[] }> {
  const ids: string[] = [];
  const cursors: string[] = [];
  let after: string | null = null;
  for (let pages = 0; ; pages += 1) {
    const p = await page(connection, { first: size, after });
    expect(p.pageInfo.hasPreviousPage).toBe(pages > 0);
    ids.push(...p.edges.map(connection.identity));
    cursors.push(...p.edges.map((e: any) => e.cursor));
    if (!p.pageInfo.hasNextPage) break;
    expect(p.edges).toHaveLength(size);
    after = p.pageInfo.endCursor;
  }
  return { ids, cursors };
}

/** Every edge, walking backward `size` at a time from the end, in the list's order. */
async function walkBackward(connection: Connection, size: number): Promise<string[]> {
  const pages: string[][] = [];
  let before: string | null = null;
  for (;;) {
    const p = await page(connection, { last: size, before });
    expect(p.pageInfo.hasNextPage).toBe(pages.length > 0);
    pages.unshift(p.edges.map(connection.identity));
    if (!p.pageInfo.hasPreviousPage) break;
    expect(p.edges).toHaveLength(size);
    before = p.pageInfo.startCursor;
  }
  return pages.flat();
}

describe.each(Object.entries(CONNECTIONS))('%s: Relay paging', (_name, connection) => {
  let forward: { ids: string[]; cursors: string[] };
  let total: number;
  beforeAll(async () => {
    forward = await walkForward(connection, 3);
    total = (await page(connection, { first: 0 })).totalCount;
  });

  it('walks forward three at a time through every item once', () => {
    expect(forward.ids.length).toBe(total);
    expect(total).toBeGreaterThan(6);
    expect(new Set(forward.ids).size).toBe(total);
  });

  it('walks backward with last and before to the same items in the same order', async () => {
    expect(await walkBackward(connection, 3)).toEqual(forward.ids);
  });

  it('first: 0 is an empty page with the total and hasNextPage', async () => {
    expect(await page(connection, { first: 0 })).toEqual({
      totalCount: total,
      pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null },
      edges: [],
    });
  });

  it('a null first (and none at all) is the default page', async () => {
    const expected = forward.ids.slice(0, connection.defaultSize);
    expect((await page(connection, { first: null })).edges.map(connection.identity)).toEqual(expected);
    expect((await page(connection, {})).edges.map(connection.identity)).toEqual(expected);
  });

  it('last 2 before the fifth item is the third and fourth; first 10 between cursors stays between them', async () => {
    const before = forward.cursors[4];
    const back = await page(connection, { last: 2, before });
    expect(back.edges.map(connection.identity)).toEqual(forward.ids.slice(2, 4));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const between = await page(connection, { first: 10, after: forward.cursors[0], before });
    expect(between.edges.map(connection.identity)).toEqual(forward.ids.slice(1, 4));
  });

  it('last: 3 alone is the end of the list', async () => {
    const end = await page(connection, { last: 3 });
    expect(end.edges.map(connection.identity)).toEqual(forward.ids.slice(-3));
    expect(end.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
  });
});

describe('Entity.relationships(last:) below a list: one statement for every entity', () => {
  it("gives each company's last two relationships, as its full list ends, in one statement for ten companies", async () => {
    const before = api.db.runner.statementCount;
    const { data, errors } = await api.graphql(`{ entities(kind: Company, first: 10) { edges { node { id
      relationships(last: 2) { totalCount pageInfo { hasNextPage hasPreviousPage } edges { cursor relationship { id } } }
    } } } }`);
    expect(errors).toBeUndefined();
    // The entities' page and count, then every company's relationships in one statement.
    expect(api.db.runner.statementCount - before).toBe(3);
    for (const { node } of data?.entities.edges as any[]) {
      const full = await api.graphql(
        'query($id: ID!) { entity(id: $id) { relationships(first: 100) { edges { cursor relationship { id } } } } }',
        { id: node.id },
      );
      const all = full.data?.entity.relationships.edges as any[];
      expect(node.relationships.totalCount).toBe(all.length);
      expect(node.relationships.edges).toEqual(all.slice(-2));
      expect(node.relationships.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: all.length > 2 });
    }
  });
});

describe('Query.auditLog: the order of the writes', () => {
  it('is newest first, so the last page holds the oldest writes', async () => {
    const connection = CONNECTIONS['Query.auditLog']!;
    const oldest = await page(connection, { last: 2 });
    expect(oldest.edges.map((e: any) => e.node.touched[0])).toEqual([WRITTEN[1], WRITTEN[0]]);
    const newest = await page(connection, { first: 2 });
    expect(newest.edges.map((e: any) => e.node.touched[0])).toEqual([WRITTEN[6], WRITTEN[5]]);
  });
});

describe('bad paging input is BAD_USER_INPUT naming the argument', () => {
  const cursorOf = (text: string) => Buffer.from(text).toString('base64url');
  it.each([
    ['{ entities(first: 2, last: 2) { totalCount } }', 'last', "'first' and 'last' cannot be used together"],
    ['{ entities(first: -1) { totalCount } }', 'first', "'first' must be between 0 and 100, got -1"],
    ['{ entities(last: -5) { totalCount } }', 'last', "'last' must be between 0 and 100, got -5"],
    ['{ entities(last: 101) { totalCount } }', 'last', "'last' must be between 0 and 100, got 101"],
    ['{ auditLog(first: 101) { totalCount } }', 'first', "'first' must be between 0 and 100, got 101"],
    [
      '{ entity(id: "country:japan") { relationships(last: 500) { totalCount } } }',
      'last',
      "'last' must be between 0 and 100, got 500",
    ],
    ['{ entities(last: 2, before: "garbage") { totalCount } }', 'before', "'before' is not a cursor this API issued"],
    [
      `{ auditLog(before: "${cursorOf('offset:3')}", last: 1) { totalCount } }`,
      'before',
      "'before' is not a cursor this API issued",
    ],
    [
      `{ crossReference(after: "${cursorOf('key:x')}") { totalCount } }`,
      'after',
      "'after' is not a cursor this API issued",
    ],
  ])('%s', async (query, argument, message) => {
    const { status, body } = await api.post(query);
    expect(status).toBeLessThan(500);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
    expect(body.errors?.[0]?.message).toContain(message);
  });
});

describe('Relay object identification: Relationship is a Node', () => {
  const ID = 'OPERATES:company:tsmc->facility:tsmc-kumamoto-plant';

  it('node(id:) resolves a relationship id to the relationship the data file states', async () => {
    const { data, errors } = await api.graphql(
      `query($id: ID!) {
      node(id: $id) { __typename id ... on Relationship { type source target sources { quote } } }
    }`,
      { id: ID },
    );
    expect(errors).toBeUndefined();
    expect(data?.node).toMatchObject({
      __typename: 'Relationship',
      id: ID,
      type: 'OPERATES',
      source: 'company:tsmc',
      target: 'facility:tsmc-kumamoto-plant',
    });
    expect(data?.node.sources.map((s: any) => s.quote)).toContain("Taiwan's TSMC Kumamoto plant");
  });

  it('every relationship id an edge carries resolves to that relationship through node', async () => {
    const { data } = await api.graphql(
      '{ entity(id: "company:resonac") { relationships(first: 10) { edges { relationship { id type source target } } } } }',
    );
    const relationships = data?.entity.relationships.edges.map((e: any) => e.relationship);
    expect(relationships.length).toBeGreaterThan(2);
    for (const relationship of relationships) {
      const { data: found } = await api.graphql(
        'query($id: ID!) { node(id: $id) { ... on Relationship { id type source target } } }',
        { id: relationship.id },
      );
      expect(found?.node).toEqual(relationship);
    }
  });

  it('an unknown or malformed relationship id gives null', async () => {
    const { data, errors } = await api.graphql(`{
      a: node(id: "OPERATES:company:tsmc->facility:nowhere") { id }
      b: node(id: "->") { id }
      c: node(id: "OPERATES:company:tsmc->") { id }
    }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: null, b: null, c: null });
  });

  it('Node lists Relationship among its possible types, in the schema and at /possible-types.json', async () => {
    const { data } = await api.graphql('{ __type(name: "Node") { possibleTypes { name } } }');
    expect(data?.__type.possibleTypes.map((t: any) => t.name)).toContain('Relationship');
    const published = (await (await fetch(`${new URL(api.url).origin}/possible-types.json`)).json()) as Record<
      string,
      string[]
    >;
    expect(published['Node']).toContain('Relationship');
  });
});

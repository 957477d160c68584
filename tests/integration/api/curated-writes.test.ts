import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type ApiKey } from '../../../src/config.ts';
import { listDataFiles, loadGraph } from '../../../src/seed/load-graph.ts';
import { startServer, type RunningServer } from '../../../src/server.ts';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';
import { wrongDegrees } from '../../helpers/stored-degrees.ts';
import { graphSnapshot } from '../../helpers/graph-snapshot.ts';
import { silentLogger } from '../../helpers/test-neo4j.ts';

const NOTES = fileURLToPath(new URL('../../fixtures/curated-writes/notes.yaml', import.meta.url));
const ALICE_KEY = 'alice-key-0123456789abcdef';
const BOB_KEY = 'bob-key-0123456789abcdef';
const apiKeys: ApiKey[] = [
  { curator: 'alice', digest: createHash('sha256').update(ALICE_KEY).digest() },
  { curator: 'bob', digest: createHash('sha256').update(BOB_KEY).digest() },
];
const alice = { authorization: `Bearer ${ALICE_KEY}` };
const bob = { authorization: `Bearer ${BOB_KEY}` };

const PAPER = 'japan-supply-chain-policy';
const SECTION = '1) US-Japan Semiconductor Cooperation';
const RAPIDUS_QUOTE =
  'declared a policy of establishing Rapidus Co., Ltd. as a semiconductor mass production manufacturing base in Japan';

const CREATE = `mutation ($input: CreateEntityInput!, $key: String) {
  createEntity(input: $input, idempotencyKey: $key) {
    replayed
    entity { id kind name aliases description note properties document { id } sources { section quote document { id } } }
    audit { id at curator action input touched idempotencyKey }
  }
}`;
const UPDATE = `mutation ($input: UpdateEntityInput!, $key: String) {
  updateEntity(input: $input, idempotencyKey: $key) {
    replayed
    entity { id name description sources { quote } }
    audit { id curator action touched }
  }
}`;
const LINK = `mutation ($input: LinkInput!, $key: String) {
  link(input: $input, idempotencyKey: $key) {
    replayed
    relationship { id type source target note properties sources { section quote document { id } } }
    audit { id curator action touched }
  }
}`;
const UNLINK = `mutation ($input: UnlinkInput!, $key: String) {
  unlink(input: $input, idempotencyKey: $key) { replayed relationshipId audit { id action touched } }
}`;
const AUDIT_LOG = `query ($subjectId: ID, $first: Int!, $after: String) {
  auditLog(subjectId: $subjectId, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id at curator action touched idempotencyKey } }
  }
}`;

function newCompany(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    kind: 'Company',
    name: 'Acme Rare Earths',
    citation: {
      documentId: 'curator-notes',
      section: '2. Ordinary facts',
      quote: 'Acme Rare Earths supplies neon to the Japanese market.',
    },
    ...overrides,
  };
}

/** The graph as JSON, without what the given ids touched and without the curation bookkeeping. */
async function snapshotWithout(api: ApiServer, touched: ReadonlySet<string>) {
  // graphSnapshot gives each node and relationship as its own JSON text, sorted.
  const rows = JSON.parse(await graphSnapshot(api.db.runner)) as { nodes: string[]; relationships: string[] };
  const snapshot = {
    nodes: rows.nodes.map((n) => JSON.parse(n) as { labels: string[]; props: Record<string, unknown> }),
    relationships: rows.relationships.map(
      (r) => JSON.parse(r) as { from: string; to: string; props: Record<string, unknown> },
    ),
  };
  return {
    nodes: snapshot.nodes
      .filter(
        ({ labels, props }) =>
          !labels.includes('AuditEntry') &&
          !labels.includes('CuratedFact') &&
          !touched.has(String(props['id'])) &&
          !touched.has(String(props['entityId'] ?? props['relationshipId'])),
      )
      // A link changes the degree of its ends (checked apart, by wrongDegrees): the rest of each node must not change.
      .map(({ labels, props: { degree: _degree, ...props } }) => ({ labels, props })),
    relationships: snapshot.relationships.filter(
      (r) => !touched.has(String(r.props['id'])) && !touched.has(r.from) && !touched.has(r.to),
    ),
  };
}

let api: ApiServer;

beforeAll(async () => {
  api = await startApiServer({ apiKeys, extraFiles: [NOTES] });
});

afterAll(async () => {
  await api?.close();
});

describe('Config: API_KEYS', () => {
  it('keeps digests only, and never echoes a key in an error', () => {
    const config = loadConfig({ API_KEYS: `alice:${ALICE_KEY},bob:${BOB_KEY}` });
    expect(config.apiKeys.map((k) => k.curator)).toEqual(['alice', 'bob']);
    expect(JSON.stringify(config)).not.toContain(ALICE_KEY);
    expect(loadConfig({}).apiKeys).toEqual([]);
    for (const bad of ['alice:short', `alice:${ALICE_KEY},alice:${BOB_KEY}`, `:${ALICE_KEY}`]) {
      expect(() => loadConfig({ API_KEYS: bad })).toThrow(/API_KEYS/);
      try {
        loadConfig({ API_KEYS: bad });
      } catch (error) {
        expect((error as Error).message).not.toContain('short');
        expect((error as Error).message).not.toContain(ALICE_KEY);
      }
    }
  });
});

describe('Mutation: API keys', () => {
  it('answers 401 UNAUTHENTICATED without a bearer token or with a wrong one, and writes nothing', async () => {
    const before = await graphSnapshot(api.db.runner);
    const input = newCompany('company:acme-rare-earths');
    const attempts: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer not-a-key-at-all-000000' },
      { authorization: ALICE_KEY },
    ];
    for (const headers of attempts) {
      const { status, headers: answer, body } = await api.post(CREATE, { input }, headers);
      expect(status).toBe(401);
      expect(answer.get('www-authenticate')).toBe('Bearer');
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect(JSON.stringify(body)).not.toContain(ALICE_KEY);
    }
    expect(await graphSnapshot(api.db.runner)).toBe(before);
  });

  it('keeps reads public, with or without a key', async () => {
    const query = '{ entity(id: "company:rapidus") { name } }';
    expect((await api.graphql(query)).data?.['entity']?.name).toBe('Rapidus Co., Ltd.');
    expect((await api.graphql(query, {}, { authorization: 'Bearer wrong' })).data?.['entity']?.name).toBe(
      'Rapidus Co., Ltd.',
    );
  });

  it('answers FORBIDDEN on a read-only deployment (no keys configured)', async () => {
    let readOnly: RunningServer | undefined;
    try {
      readOnly = await startServer(
        { runner: api.db.runner, pingDatabase: api.db.ping, logger: silentLogger, development: false },
        '127.0.0.1',
        0,
      );
      const response = await fetch(`${readOnly.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...alice },
        body: JSON.stringify({ query: CREATE, variables: { input: newCompany('company:acme-rare-earths') } }),
      });
      const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
      expect(response.status).toBe(403);
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(body.errors?.[0]?.message).toMatch(/read-only deployment/);
    } finally {
      await readOnly?.stop();
    }
  });
});

describe('Mutation.createEntity', () => {
  it('creates a cited entity that reads like a seeded one, and records who and when', async () => {
    const { data, errors } = await api.graphql(CREATE, { input: newCompany('company:acme-rare-earths') }, alice);
    expect(errors).toBeUndefined();
    const result = data?.['createEntity'];
    expect(result.replayed).toBe(false);
    expect(result.entity).toMatchObject({
      id: 'company:acme-rare-earths',
      kind: 'Company',
      name: 'Acme Rare Earths',
      document: { id: 'curator-notes' },
      sources: [{ section: '2. Ordinary facts', document: { id: 'curator-notes' } }],
    });
    expect(result.audit).toMatchObject({
      curator: 'alice',
      action: 'CREATE_ENTITY',
      touched: ['company:acme-rare-earths'],
    });
    const [stored] = await api.db.runner.read(
      'test',
      'MATCH (n:Entity {id: $id}) RETURN n.curatedBy AS by, n.curatedAt AS at',
      { id: 'company:acme-rare-earths' },
    );
    expect(stored).toEqual({ by: 'alice', at: result.audit.at });
    const search = await api.graphql('{ search(text: "Acme Rare Earths") { entity { id } } }');
    expect(search.data?.['search'].map((h: { entity: { id: string } }) => h.entity.id)).toContain(
      'company:acme-rare-earths',
    );
  });

  it.each([
    [
      'input.citation.quote',
      { citation: { documentId: PAPER, section: SECTION, quote: 'a sentence the paper never says' } },
    ],
    ['input.citation.section', { citation: { documentId: PAPER, section: 'No such heading', quote: RAPIDUS_QUOTE } }],
    [
      'input.citation.documentId',
      { citation: { documentId: 'no-such-document', section: SECTION, quote: RAPIDUS_QUOTE } },
    ],
    ['input.id', { id: 'material:acme' }],
    ['input.id', { id: 'company:"}) MATCH (n) DETACH DELETE n //' }],
    ['input.properties.amount', { properties: { amount: 'lots', currency: 'JPY' } }],
    ['input.id', { id: 'company:rapidus' }],
  ])('rejects a bad %s, naming it, and writes nothing', async (argument, overrides) => {
    const before = await graphSnapshot(api.db.runner);
    const input = newCompany('company:acme-two', overrides);
    const { data, errors } = await api.graphql(CREATE, { input }, alice);
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(await graphSnapshot(api.db.runner)).toBe(before);
  });
});

describe('Mutation: idempotency keys', () => {
  it('applies a retried write once and returns the first result', async () => {
    const input = newCompany('company:acme-retried', { name: 'Acme Retried' });
    const first = await api.graphql(CREATE, { input, key: 'retry-1' }, alice);
    expect(first.errors).toBeUndefined();
    const afterFirst = await graphSnapshot(api.db.runner);
    const second = await api.graphql(CREATE, { input, key: 'retry-1' }, alice);
    expect(second.errors).toBeUndefined();
    expect(second.data?.['createEntity'].replayed).toBe(true);
    expect(second.data?.['createEntity'].audit).toEqual(first.data?.['createEntity'].audit);
    expect(await graphSnapshot(api.db.runner)).toBe(afterFirst);
  });

  it('applies two concurrent first uses of one key once', async () => {
    const input = newCompany('company:acme-concurrent', { name: 'Acme Concurrent' });
    const results = await Promise.all([1, 2, 3].map(() => api.graphql(CREATE, { input, key: 'concurrent-1' }, alice)));
    for (const { errors } of results) expect(errors, JSON.stringify(errors)).toBeUndefined();
    const replayed = results.map((r) => r.data?.['createEntity'].replayed).sort();
    expect(replayed).toEqual([false, true, true]);
    expect(new Set(results.map((r) => r.data?.['createEntity'].audit.id)).size).toBe(1);
    const [count] = await api.db.runner.read(
      'test',
      'MATCH (a:AuditEntry {idempotencyKey: $key}) RETURN count(a) AS n',
      {
        key: 'concurrent-1',
      },
    );
    expect(count).toEqual({ n: 1 });
  });

  it('creates an id once when concurrent writes without a key race for it', async () => {
    const input = newCompany('company:acme-raced', { name: 'Acme Raced' });
    const results = await Promise.all([1, 2].map(() => api.graphql(CREATE, { input }, bob)));
    const outcomes = results.map((r) => r.errors?.[0]?.extensions?.['argument'] ?? 'created').sort();
    expect(outcomes).toEqual(['created', 'input.id']);
  });

  it('answers CONFLICT when a key is reused for another write, or by another curator', async () => {
    const before = await graphSnapshot(api.db.runner);
    const other = newCompany('company:acme-other', { name: 'Acme Other' });
    const conflict = await api.graphql(CREATE, { input: other, key: 'retry-1' }, alice);
    expect(conflict.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', argument: 'idempotencyKey' });
    const same = newCompany('company:acme-retried', { name: 'Acme Retried' });
    const byBob = await api.graphql(CREATE, { input: same, key: 'retry-1' }, bob);
    expect(byBob.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(await graphSnapshot(api.db.runner)).toBe(before);
  });
});

describe('Mutation.link and unlink', () => {
  it('links two entities with a cited relationship, readable from both ends', async () => {
    const input = {
      type: 'BASED_IN',
      from: 'company:acme-rare-earths',
      to: 'country:japan',
      properties: { since: '2023' },
      citation: {
        documentId: 'curator-notes',
        section: '2. Ordinary facts',
        quote: 'supplies neon to the Japanese market',
      },
    };
    const { data, errors } = await api.graphql(LINK, { input }, bob);
    expect(errors).toBeUndefined();
    expect(data?.['link'].relationship).toMatchObject({
      id: 'BASED_IN:company:acme-rare-earths->country:japan',
      source: 'company:acme-rare-earths',
      target: 'country:japan',
      properties: { since: '2023' },
    });
    const read = await api.graphql('{ entity(id: "company:acme-rare-earths") { ... on Company { country { id } } } }');
    expect(read.data?.['entity'].country).toEqual({ id: 'country:japan' });
  });

  it.each([
    ['input.to', { to: 'company:no-such-company' }],
    ['input.from', { type: 'BASED_IN', from: 'material:neon', to: 'country:japan' }],
    ['input.to', { to: 'company:acme-rare-earths' }],
    ['input.key', { type: 'BASED_IN', to: 'country:japan' }],
    ['input.to', { to: "country:japan' OR 1=1" }],
  ])('rejects a bad %s, naming it, and writes nothing', async (argument, overrides) => {
    const before = await graphSnapshot(api.db.runner);
    const input: Record<string, unknown> = {
      type: 'COOPERATES_WITH',
      from: 'company:acme-rare-earths',
      to: 'company:rapidus',
      citation: { documentId: 'curator-notes', section: '2. Ordinary facts', quote: 'Acme Rare Earths supplies neon' },
    };
    Object.assign(input, overrides);
    const { errors } = await api.graphql(LINK, { input }, bob);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(await graphSnapshot(api.db.runner)).toBe(before);
  });

  it('unlinks a seeded relationship with its citations, and says why in the audit log', async () => {
    const id = 'COOPERATES_WITH:company:rapidus->org:imec';
    const { data, errors } = await api.graphql(UNLINK, { input: { id, reason: 'test: superseded' } }, alice);
    expect(errors).toBeUndefined();
    expect(data?.['unlink']).toMatchObject({
      relationshipId: id,
      audit: { action: 'UNLINK', touched: [id, 'company:rapidus', 'org:imec'] },
    });
    const left = await api.db.runner.read(
      'test',
      'MATCH (c:Citation) WHERE c.relationshipId = $id RETURN c.id AS id UNION MATCH ()-[r]->() WHERE r.id = $id RETURN r.id AS id',
      { id },
    );
    expect(left).toEqual([]);
    const again = await api.graphql(UNLINK, { input: { id, reason: 'again' } }, alice);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.id' });
  });
});

/** All the facts a document's section supports, through its Citation nodes (Document.facts), as `kind:id|quote`. */
async function factsOf(documentId: string, section: string): Promise<string[]> {
  type FactNode = { citation: { quote: string }; entity?: { id: string }; relationship?: { id: string } };
  const facts: string[] = [];
  let after: string | null = null;
  for (;;) {
    const { data, errors } = await api.graphql(
      `query ($id: ID!, $section: String, $after: String) {
        node(id: $id) { ... on Document { facts(section: $section, first: 100, after: $after) {
          pageInfo { hasNextPage endCursor }
          edges { node { citation { quote } entity { id } relationship { id } } }
        } } }
      }`,
      { id: documentId, section, after },
    );
    expect(errors).toBeUndefined();
    const page = data?.['node'].facts;
    for (const { node } of page.edges as Array<{ node: FactNode }>) {
      facts.push(
        node.entity
          ? `entity:${node.entity.id}|${node.citation.quote}`
          : `relationship:${node.relationship?.id}|${node.citation.quote}`,
      );
    }
    if (!page.pageInfo.hasNextPage) return facts;
    after = page.pageInfo.endCursor as string;
  }
}

describe('Curated facts and citations', () => {
  it('are Document.facts of the cited section, like seeded ones', async () => {
    const facts = await factsOf('curator-notes', '2. Ordinary facts');
    expect(facts).toEqual(
      expect.arrayContaining([
        'entity:company:acme-rare-earths|Acme Rare Earths supplies neon to the Japanese market.',
        'relationship:BASED_IN:company:acme-rare-earths->country:japan|supplies neon to the Japanese market',
      ]),
    );
    // An unlinked relationship's citations are gone from the facts too.
    const paperFacts = await factsOf(PAPER, SECTION);
    expect(paperFacts.some((f) => f.startsWith('relationship:COOPERATES_WITH:company:rapidus->company:ibm|'))).toBe(
      true,
    );
    expect(paperFacts.some((f) => f.startsWith('relationship:COOPERATES_WITH:company:rapidus->org:imec|'))).toBe(false);
  });
});

describe('Curated facts and the seed', () => {
  it('keeps a curator edit, a curated link and an unlink across a re-seed, and says so', async () => {
    const update = {
      id: 'company:rapidus',
      description: 'Curated: the mass-production base for 2nm logic.',
      citation: { documentId: PAPER, section: SECTION, quote: RAPIDUS_QUOTE },
    };
    const { data, errors } = await api.graphql(UPDATE, { input: update }, bob);
    expect(errors).toBeUndefined();
    expect(data?.['updateEntity'].entity.description).toBe(update.description);
    expect(data?.['updateEntity'].entity.sources.at(-1)).toEqual({ quote: RAPIDUS_QUOTE });

    const summary = await loadGraph(api.db.runner, listDataFiles());
    expect(summary.keptCurated).toEqual(
      expect.arrayContaining(['company:rapidus', 'COOPERATES_WITH:company:rapidus->org:imec']),
    );
    const read = await api.graphql(`{
      rapidus: entity(id: "company:rapidus") { description sources { quote } }
      acme: entity(id: "company:acme-rare-earths") { ... on Company { country { id } } }
      imec: entity(id: "org:imec") { relationships(types: [COOPERATES_WITH]) { edges { node { id } } } }
    }`);
    expect(read.data?.['rapidus'].description).toBe(update.description);
    expect(read.data?.['rapidus'].sources.at(-1)).toEqual({ quote: RAPIDUS_QUOTE });
    expect(read.data?.['acme'].country).toEqual({ id: 'country:japan' });
    const imecLinks = read.data?.['imec'].relationships.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(imecLinks).not.toContain('company:rapidus');

    // The curated citations stay Document.facts after re-seeding both documents (the notes' too).
    await loadGraph(api.db.runner, [NOTES]);
    expect(await factsOf(PAPER, SECTION)).toContain(`entity:company:rapidus|${RAPIDUS_QUOTE}`);
    expect(await factsOf('curator-notes', '2. Ordinary facts')).toEqual(
      expect.arrayContaining([
        'entity:company:acme-rare-earths|Acme Rare Earths supplies neon to the Japanese market.',
        'relationship:BASED_IN:company:acme-rare-earths->country:japan|supplies neon to the Japanese market',
      ]),
    );
    // Curated edits, links and unlinks, and the re-seeds around them, each keep every entity's stored degree.
    expect(await wrongDegrees(api.db.runner)).toEqual([]);
  });

  it('rejects an update citing another document than the entity’s', async () => {
    const input = {
      id: 'company:rapidus',
      name: 'Renamed',
      citation: { documentId: 'curator-notes', section: '2. Ordinary facts', quote: 'Acme Rare Earths supplies neon' },
    };
    const { errors } = await api.graphql(UPDATE, { input }, bob);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.citation.documentId' });
  });
});

describe('Injection: Cypher-looking strings are data', () => {
  const HOSTILE = [
    '"}) MATCH (n) DETACH DELETE n //',
    "'}) MATCH (n) DETACH DELETE n //",
    '$param',
    '`backtick` name',
    "' OR 1=1 --",
  ];

  it('stores and returns them verbatim, and leaves the rest of the graph unchanged', async () => {
    const before = await snapshotWithout(api, new Set());
    const input = {
      id: 'company:hostile-strings',
      kind: 'Company',
      name: HOSTILE[0],
      aliases: HOSTILE,
      description: HOSTILE.join(' '),
      note: HOSTILE[3],
      properties: { motto: HOSTILE[1], tags: HOSTILE },
      citation: {
        documentId: 'curator-notes',
        section: '1. Quoted strings',
        quote: 'a supplier named "}) MATCH (n) DETACH DELETE n // Metals',
      },
    };
    const created = await api.graphql(CREATE, { input, key: HOSTILE[2] }, alice);
    expect(created.errors).toBeUndefined();
    expect(created.data?.['createEntity'].entity).toMatchObject({
      name: HOSTILE[0],
      aliases: HOSTILE,
      description: HOSTILE.join(' '),
      note: HOSTILE[3],
      properties: { motto: HOSTILE[1], tags: HOSTILE },
      sources: [{ quote: input.citation.quote }],
    });
    expect(created.data?.['createEntity'].audit.idempotencyKey).toBe(HOSTILE[2]);
    const linked = await api.graphql(
      LINK,
      {
        input: {
          type: 'COOPERATES_WITH',
          from: 'company:hostile-strings',
          to: 'company:rapidus',
          note: HOSTILE[4],
          properties: { via: HOSTILE[0] },
          citation: {
            documentId: 'curator-notes',
            section: '1. Quoted strings',
            quote: "$param OR `backtick` name' OR 1=1 --",
          },
        },
      },
      alice,
    );
    expect(linked.errors).toBeUndefined();
    expect(linked.data?.['link'].relationship).toMatchObject({
      note: HOSTILE[4],
      properties: { via: HOSTILE[0] },
      sources: [{ quote: "$param OR `backtick` name' OR 1=1 --" }],
    });
    for (const id of HOSTILE) {
      const { errors } = await api.graphql(CREATE, { input: { ...input, id } }, alice);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.id' });
    }
    const read = await api.graphql('query ($id: ID!) { entity(id: $id) { name aliases } }', {
      id: 'company:hostile-strings',
    });
    expect(read.data?.['entity']).toEqual({ name: HOSTILE[0], aliases: HOSTILE });
    const touched = new Set(['company:hostile-strings', 'COOPERATES_WITH:company:hostile-strings->company:rapidus']);
    expect(await snapshotWithout(api, touched)).toEqual({
      nodes: before.nodes,
      relationships: before.relationships,
    });
    expect(before.nodes.length).toBeGreaterThan(1000);
    expect(await wrongDegrees(api.db.runner)).toEqual([]);
  });
});

describe('Query.auditLog', () => {
  it('lists every write newest first, in pages, and by subject', async () => {
    const all = await api.graphql(AUDIT_LOG, { first: 100 });
    expect(all.errors).toBeUndefined();
    const entries = all.data?.['auditLog'].edges.map((e: { node: { at: string } }) => e.node);
    expect(all.data?.['auditLog'].totalCount).toBe(entries.length);
    expect(entries.length).toBeGreaterThanOrEqual(7);
    const times = entries.map((e: { at: string }) => e.at);
    expect(times).toEqual([...times].sort().reverse());

    const page1 = await api.graphql(AUDIT_LOG, { first: 2 });
    const page2 = await api.graphql(AUDIT_LOG, { first: 2, after: page1.data?.['auditLog'].pageInfo.endCursor });
    const ids = [...(page1.data?.['auditLog'].edges ?? []), ...(page2.data?.['auditLog'].edges ?? [])].map(
      (e: { node: { id: string } }) => e.node.id,
    );
    expect(ids).toEqual(entries.slice(0, 4).map((e: { id: string }) => e.id));

    const rapidus = await api.graphql(AUDIT_LOG, { subjectId: 'company:rapidus', first: 100 });
    const actions = rapidus.data?.['auditLog'].edges.map((e: { node: { action: string } }) => e.node.action);
    expect(actions).toEqual(['LINK', 'UPDATE_ENTITY', 'UNLINK']);
    expect(rapidus.data?.['auditLog'].edges.map((e: { node: { curator: string } }) => e.node.curator)).toEqual([
      'alice',
      'bob',
      'alice',
    ]);
  });
});

/**
 * Every read the API makes uses an index where one can serve: the server runs a mix of every root field and the
 * typed layer through a runner that records each statement with its parameters, then each distinct statement is
 * EXPLAINed. A plan may not scan all nodes, and may scan a label only where the answer is that whole label (the
 * list says why).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanOperator } from '../../src/db/query-runner.ts';
import { startApiServer, type ApiServer } from '../helpers/api-server.ts';
import { StatementRecorder, type RecordedStatement } from '../helpers/recording-runner.ts';
import { PLANNED_SELECTIONS } from './planner/selections.ts';

/** Operations whose answer is a whole label, so a label scan is the bounded way to give it. */
const LABEL_SCAN_ALLOWED: Record<string, string> = {
  documents: 'lists every document (the answer is the Document label)',
  'cross-reference.page': 'only without a filter, where the answer is every company-material link',
  'cross-reference.count': 'only without a filter, where the answer is every company-material link',
  'cross-reference.group': 'only without a category or company filter, where it groups every company-material link',
};

const recorder = new StatementRecorder();

/** Filters on indexed fields, each with the index its page must seek. */
const INDEXED_FILTERS = [
  { query: '{ companies(where: { id: { eq: "company:kioxia" } }) { edges { node { id } } } }', index: 'id' },
  {
    query: '{ materials(where: { id: { in: ["material:neon", "material:helium"] } }) { edges { node { id } } } }',
    index: 'id',
  },
  { query: '{ materials(where: { id: { startsWith: "material:s" } }) { edges { node { id } } } }', index: 'id' },
  { query: '{ companies(where: { name: { eq: "Kioxia" } }) { edges { node { id } } } }', index: 'nameKey' },
  { query: '{ companies(where: { name: { startsWith: "to" } }) { edges { node { id } } } }', index: 'nameKey' },
  {
    query: '{ entities(where: { name: { startsWith: "ne" } }) { edges { node { id } } } }',
    index: 'nameKey',
  },
];

/**
 * Unfiltered pages in name or degree order, for one kind and for all, each with the key of the index that gives
 * its order (a filtered page is Neo4j's choice: it may seek the filter's own index instead).
 */
const INDEX_ORDERED = [
  { query: '{ entities(orderBy: DEGREE_DESC, first: 10) { edges { node { id degree } } } }', key: 'degree' },
  {
    query:
      '{ entities(kind: Company, orderBy: DEGREE_DESC, first: 10, after: "b2Zmc2V0OjQ") { edges { node { id } } } }',
    key: 'degree',
  },
  { query: '{ companies(sort: [{ degree: DESC }], first: 10) { edges { node { id } } } }', key: 'degree' },
  { query: '{ entities(kind: Material, first: 10) { edges { node { id } } } }', key: 'nameKey' },
  { query: '{ entities(kind: Company, orderBy: NAME_DESC, first: 10) { edges { node { id } } } }', key: 'nameKey' },
  { query: '{ companies(first: 10, after: "b2Zmc2V0OjQ") { edges { node { id } } } }', key: 'nameKey' },
  { query: '{ budgets(sort: [{ name: DESC }], first: 10) { edges { node { id } } } }', key: 'nameKey' },
];

const MIX = [
  `{ entity(id: "company:kioxia") { name document { id } relationships(first: 5) { totalCount edges { type node { id } } }
     ... on Company { materials { name category { name } suppliers(first: 3) { id } } country { id } facilities { id } } } }`,
  `{ entities(kind: Company, first: 10) { totalCount edges { node { id } } } }`,
  `{ entities(kind: Company, first: 10) { edges { node { ... on Company { country { id }
     materials { description suppliers { id } } } } } } }`,
  `{ entities(first: 10, orderBy: NAME_DESC) { totalCount edges { node { id } } } }`,
  `{ entities(kind: Material, first: 10, orderBy: ID_ASC) { totalCount edges { node { id } } } }`,
  `{ entities(kind: Company, last: 5) { totalCount edges { node { id } } } }`,
  `{ entity(id: "country:japan") { relationships(last: 5) { totalCount edges { node { id } } } } }`,
  `{ documents { facts(table: "Table 1", last: 5) { totalCount } } }`,
  `{ newest: auditLog(first: 5) { edges { cursor } } oldest: auditLog(last: 5) { edges { cursor } } }`,
  `{ search(text: "Rapidas") { entity { id } } }`,
  `{ neighborhood(id: "country:japan", depth: 2, limit: 200) { nodes { id } edges { id } } }`,
  `{ shortestPath(from: "country:south-korea", to: "org:imec") { length } }`,
  `{ crossReference(filter: { categories: ["material:semiconductors"] }, first: 10) { totalCount } }`,
  `{ crossReference(filter: { companies: ["company:resonac"] }) { totalCount } }`,
  `{ crossReference(filter: { minCategories: 2 }) { totalCount } }`,
  `{ crossReferenceMatrix(filter: { categories: ["material:ev-batteries"] }) { linkCount } }`,
  `{ graphStats { entityCount kinds { kind count } relationshipTypes { type count } } }`,
  `{ documents { id sections { heading citationCount }
     t: facts(table: "Table 1", row: 7) { totalCount } s: facts(section: "1) Semiconductors", first: 5) { totalCount }
     all: facts(first: 5) { totalCount } } }`,
  `{ node(id: "japan-supply-chain-policy") { id } }`,
  `{ supplyRisk(filter: { categories: ["material:semiconductors"] }, first: 5) { totalCount edges { node { hhiByCompany } } } }`,
  `{ supplyRisk(filter: { companies: ["company:resonac"], level: CATEGORY }) { totalCount } }`,
  `{ disruption(remove: ["company:resonac"]) { affectedCount removedLinks { id } affected { after { hhiByCompany } } } }`,
  `{ disruption(remove: ["country:japan"], filter: { categories: ["material:semiconductors"] }) { affectedCount } }`,
  // Kind lists filtered on indexed fields (the index-use test below), and on a relationship and a property.
  ...INDEXED_FILTERS.map(({ query }) => query),
  ...INDEX_ORDERED.map(({ query }) => query),
  `{ budgets(where: { amount: { currency: "JPY", gt: 1 } }, sort: [{ amount: DESC }]) { totalCount
     aggregate { count fiscalYear { max } } groupBy(by: FISCAL_YEAR) { key } } }`,
  `{ crossReference(filter: { linkTypes: [APPROVED_SUPPLY_PLAN_FOR] }, first: 0) { groupBy(by: COUNTRY) { key } } }`,
  // Nested relationship filters (the shape that once planned as a scan of the far end's kind per entity).
  `{ companies(where: { country: { some: { id: { eq: "country:japan" } } }, materials: { via: [APPROVED_SUPPLY_PLAN_FOR],
     some: { category: { some: { OR: [{ id: { eq: "material:semiconductors" } },
       { category: { some: { id: { eq: "material:semiconductors" } } } }] } } } } }) { totalCount } }`,
  // The planner's representative selections (their statements are shown in planner/__snapshots__/).
  ...PLANNED_SELECTIONS.map((selection) => selection.query),
];

function operators(plan: PlanOperator): PlanOperator[] {
  return [plan, ...plan.children.flatMap(operators)];
}

/** The distinct reads the mix made (by text and parameters). */
const recorded = new Map<string, RecordedStatement>();

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer({ wrapRunner: (runner) => recorder.wrap(runner) });
  for (const query of MIX) {
    const variables = PLANNED_SELECTIONS.find((selection) => selection.query === query)?.variables;
    const { errors } = await api.graphql(query, variables);
    expect(errors, query).toBeUndefined();
  }
  for (const statement of recorder.take()) {
    recorded.set(statement.query + JSON.stringify(statement.params), statement);
  }
});
afterAll(() => api?.close());

describe('hot statements use indexes (EXPLAIN)', () => {
  it('a where on an indexed field seeks its index: id eq, in and startsWith, name eq and startsWith', async () => {
    for (const { query, index } of INDEXED_FILTERS) {
      recorder.take();
      expect((await api.graphql(query)).errors, query).toBeUndefined();
      const [page] = recorder.take();
      if (!page) throw new Error(`no statement for ${query}`);
      const seeks = operators(await api.db.runner.explain(page.operation, page.query, page.params)).filter((o) =>
        /IndexSeek/.test(o.operator),
      );
      expect(
        seeks.some((o) => o.details.includes(index) && o.details.includes('$w0')),
        `${query}: ${seeks.map((o) => `${o.operator} ${o.details}`).join('; ')}`,
      ).toBe(true);
    }
  });

  it('a page in name or degree order walks its index and stops at its last row: nothing sorts the kind', async () => {
    for (const { query, key } of INDEX_ORDERED) {
      recorder.take();
      expect((await api.graphql(query)).errors, query).toBeUndefined();
      const page = recorder.take().find((r) => r.query.includes('ORDER BY'));
      if (!page) throw new Error(`no ordered statement for ${query}`);
      const plan = operators(await api.db.runner.explain(page.operation, page.query, page.params));
      const described = `${query}: ${plan.map((o) => `${o.operator} ${o.details}`).join('; ')}`;
      expect(
        plan.some((o) => /^NodeIndex(Seek|Scan)/.test(o.operator) && o.details.includes(key)),
        described,
      ).toBe(true);
      // PartialSort/PartialTop only order entities of equal degree by id; Sort or Top would order the whole kind.
      expect(
        plan.filter((o) => /^(Sort|Top)(@|$)/.test(o.operator)).map((o) => o.operator),
        described,
      ).toEqual([]);
    }
  });

  it("a relationship filter expands from the entity: no plan scans an index for the far end's kind", async () => {
    const filtered = [...recorded.values()].filter(
      (r) =>
        /^([A-Z]\w*\.|entities\.|entity\.planned|related\.refined)/.test(r.operation) && r.query.includes('EXISTS {'),
    );
    expect(filtered.length).toBeGreaterThan(2);
    for (const { operation, query, params } of filtered) {
      const scans = operators(await api.db.runner.explain(operation, query, params)).filter(
        (o) => o.operator === 'NodeIndexScan',
      );
      expect(scans.map((o) => `${operation}: ${o.details}`)).toEqual([]);
    }
  });

  it('recorded the statements of the whole mix', () => {
    const operations = new Set([...recorded.values()].map((r) => r.operation));
    for (const expected of [
      'entities-by-id',
      'entity.planned',
      'related.both',
      'search',
      'entities.page',
      'facts.page',
      'neighborhood',
      'supply-risk',
      'disruption.classify',
      'disruption.removed-links',
    ])
      expect(operations).toContain(expected);
  });

  it('no plan scans all nodes, and none scans a label unless its answer is that label', async () => {
    const problems: string[] = [];
    for (const { operation, query, params } of recorded.values()) {
      const plan = await api.db.runner.explain(operation, query, params);
      for (const op of operators(plan)) {
        if (op.operator === 'AllNodesScan') problems.push(`${operation}: AllNodesScan`);
        if (op.operator === 'NodeByLabelScan' && !(operation in LABEL_SCAN_ALLOWED)) {
          problems.push(`${operation}: NodeByLabelScan ${op.details}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('reads a neighborhood in one statement that seeks its centre by id, with or without typed fields', async () => {
    const neighborhood = [...recorded.values()].filter((r) => r.operation.startsWith('neighborhood'));
    // The mix's neighborhood, and the planner's selection with typed fields on its nodes.
    expect(neighborhood.map((r) => r.operation)).toEqual(['neighborhood', 'neighborhood']);
    for (const { operation, query, params } of neighborhood) {
      const ops = operators(await api.db.runner.explain(operation, query, params));
      expect(ops.filter((o) => o.operator.startsWith('NodeUniqueIndexSeek')).map((o) => o.details)).toEqual([
        expect.stringContaining('c:Entity'),
      ]);
    }
  });

  it('reads counts from the count store', async () => {
    const stats = [...recorded.values()].filter((r) => r.operation.startsWith('graph-stats'));
    expect(stats.length).toBe(2);
    for (const { operation, query, params } of stats) {
      const ops = operators(await api.db.runner.explain(operation, query, params)).map((o) => o.operator);
      expect(
        ops.some((o) => /CountFromCountStore/.test(o)),
        operation,
      ).toBe(true);
      expect(
        ops.some((o) => /Scan|Expand/.test(o)),
        operation,
      ).toBe(false);
    }
  });
});

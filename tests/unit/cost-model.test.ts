/**
 * The cost model: what an operation is estimated to cost before it runs, and that every example docs/api.md and
 * GraphiQL show fits the default budget while 30 aliased depth-3, 500-node neighborhoods do not.
 */
import { createRequire } from 'node:module';
import type * as GraphQL from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/api-schema.ts';
import { estimateCost, LIST_SIZE_ESTIMATE, SCAN_COST, UNKNOWN_ROOT_COST } from '../../src/limits/cost-model.ts';
import { EXAMPLE_QUERIES } from '../../src/playground/example-queries.ts';
import { DEFAULT_REQUEST_LIMITS } from '../../src/request-limits.ts';

// graphql's CommonJS build, the one graphql-query-complexity and Apollo load (Vitest would give this file the ESM one).
const { buildSchema, parse } = createRequire(import.meta.url)('graphql') as typeof GraphQL;
const schema = buildSchema(loadTypeDefs());
const cost = (query: string, variables?: Record<string, unknown>) => estimateCost(schema, parse(query), variables);
const budget = DEFAULT_REQUEST_LIMITS.costBudget;

describe('cost model: the default budget', () => {
  it.each(EXAMPLE_QUERIES.map((e) => [e.title, e.query]))('lets the example "%s" run', (_title, query) => {
    expect(cost(query)).toBeLessThanOrEqual(budget);
  });

  it('refuses 30 aliased depth-3, 500-node neighborhoods', () => {
    const alias = (i: number) => `n${i}: neighborhood(id: "country:japan", depth: 3, limit: 500) { nodes { id } }`;
    const query = `{ ${Array.from({ length: 30 }, (_, i) => alias(i)).join(' ')} }`;
    expect(cost(query)).toBeGreaterThan(budget);
    // One of them alone fits.
    expect(cost(`{ ${alias(0)} }`)).toBeLessThanOrEqual(budget);
  });
});

describe('cost model: estimates', () => {
  it('a one-entity lookup costs a few units: its start cost, then 1 per field', () => {
    expect(cost('{ entity(id: "company:tsmc") { id name } }')).toBe(1 + 1 + 2);
  });

  it('neighborhood grows with depth and limit: 10 + limit x (depth + selection per node)', () => {
    const query = (depth: number, limit: number) =>
      `{ neighborhood(id: "x", depth: ${depth}, limit: ${limit}) { nodes { id } } }`;
    // nodes { id }: 1 + 1 per node.
    expect(cost(query(1, 10))).toBe(10 + 10 * (1 + 2));
    expect(cost(query(3, 500))).toBe(10 + 500 * (3 + 2));
  });

  it('reads arguments from variables, and defaults when they are omitted', () => {
    const query = 'query($limit: Int!) { neighborhood(id: "x", limit: $limit) { nodes { id } } }';
    expect(cost(query, { limit: 400 })).toBe(10 + 400 * 3);
    expect(cost('{ neighborhood(id: "x") { nodes { id } } }')).toBe(10 + 100 * 3);
  });

  it('multiplies nested lists: page sizes, and an estimate for lists without one', () => {
    const inner = `relationships(first: 50) { edges { node { type } } }`;
    const one = cost(`{ entity(id: "x") { ${inner} } }`);
    const nested = cost(`{ entities(first: 100) { edges { node { ${inner} } } } }`);
    expect(nested).toBeGreaterThan(100 * one - 100);
    // A typed list's `first` is a cap on neighbours (default 500), counted as the list estimate when larger.
    const capped = cost('{ entity(id: "x") { ... on Company { materials { id } } } }');
    expect(capped).toBe(1 + 1 + LIST_SIZE_ESTIMATE * (1 + 1));
    expect(cost('{ entity(id: "x") { ... on Company { materials(first: 2) { id } } } }')).toBe(1 + 1 + 2 * (1 + 1));
  });

  it('takes the dearest branch of fragments on an interface', () => {
    const cheap = cost('{ entity(id: "x") { ... on Company { id } } }');
    const dear = cost('{ entity(id: "x") { ... on Company { id materials { id } } ... on Country { id } } }');
    expect(dear).toBeGreaterThan(cheap);
  });

  it('gives a Query field it does not know a high start cost (a field added later is covered)', () => {
    const extended = buildSchema(
      `${loadTypeDefs()}\nextend type Query { "A later field." laterField("Format." format: String): String }`,
    );
    expect(estimateCost(extended, parse('{ laterField(format: "csv") }'))).toBe(UNKNOWN_ROOT_COST + 1);
  });

  it('estimates an export by its selection: the whole graph dearest, a small neighborhood cheap', () => {
    const exportOf = (selection: string) =>
      cost(`{ exportGraph(format: GEXF, selection: ${selection}) { nodeCount } }`);
    const small = exportOf('{ neighborhood: { root: "x", depth: 1, limit: 50 } }');
    const whole = exportOf('{ graph: {} }');
    expect(small).toBeLessThan(1_000);
    expect(whole).toBeGreaterThan(5_000);
  });
});

describe('cost model: filters, sorts and aggregates say when they read a whole kind', () => {
  const list = (args: string, selection = 'edges { node { id } }') =>
    cost(`{ companies(${args} first: 10) { ${selection} } }`);

  it('a where an index serves costs its page alone; one no index serves adds SCAN_COST', () => {
    const page = list('');
    expect(list('where: { id: { eq: "company:tsmc" } },')).toBe(page);
    expect(list('where: { name: { startsWith: "to" } },')).toBe(page);
    expect(list('where: { AND: [{ id: { in: ["company:tsmc"] } }, { facilities: { some: {} } }] },')).toBe(page);
    expect(list('where: { facilities: { some: {} } },')).toBe(page + SCAN_COST);
    expect(list('where: { OR: [{ id: { eq: "company:tsmc" } }] },')).toBe(page + SCAN_COST);
  });

  it('a sort by name, id or the stored degree costs nothing more; by a count, SCAN_COST', () => {
    expect(list('sort: [{ name: DESC }],')).toBe(list(''));
    expect(list('sort: [{ degree: DESC }],')).toBe(list(''));
    expect(list('sort: [{ materialsCount: DESC }],')).toBe(list('') + SCAN_COST);
  });

  it('aggregate and groupBy cost SCAN_COST each, once whatever the page size', () => {
    const ten = list('', 'edges { node { id } } aggregate { count }');
    expect(ten).toBe(list('') + SCAN_COST);
    const hundred = cost(
      '{ companies(first: 100) { edges { node { id } } aggregate { count } groupBy(by: COUNTRY) { key } } }',
    );
    expect(hundred).toBe(cost('{ companies(first: 100) { edges { node { id } } } }') + 2 * SCAN_COST);
    expect(hundred).toBeGreaterThanOrEqual(DEFAULT_REQUEST_LIMITS.heavyCostThreshold);
    expect(hundred).toBeLessThanOrEqual(budget);
  });
});

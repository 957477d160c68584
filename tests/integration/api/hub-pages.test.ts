/**
 * Pages of a hub's relationships and of the cross-reference: a page whose other ends are found by walking the name
 * index gives the same rows, in the same order, as one sorted from all the entity's relationships; `totalCount` is
 * counted only when the selection reads it, and `hasNextPage` is right either way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryRunner } from '../../../src/db/query-runner.ts';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';

const operations: string[] = [];
const statements: string[] = [];

function recording(runner: QueryRunner): QueryRunner {
  return {
    read: (operation, query, params, options) => {
      operations.push(operation);
      statements.push(query);
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
beforeAll(async () => {
  api = await startApiServer({ wrapRunner: recording });
});
afterAll(() => api?.close());

function recorded<T>(work: () => Promise<T>): Promise<{ result: T; operations: string[]; statements: string[] }> {
  operations.length = 0;
  statements.length = 0;
  return work().then((result) => ({ result, operations: [...operations], statements: [...statements] }));
}

const PAGE = `query($first: Int, $after: String, $last: Int, $before: String) {
  entity(id: "country:japan") { relationships(first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor } edges { relationship { id } } } } }`;

describe('Entity.relationships of a hub', () => {
  it('walks the name index for small pages: page by page, forward and backward, the sorted page', async () => {
    // The hub is a hub for a page of one: its degree squared is more than 8 x (offset + 1) x entities.
    const [sizes] = await api.db.runner.read<{ degree: number; entities: number }>(
      'test.hub',
      'MATCH (n:Entity {id: "country:japan"}) CALL () { MATCH (e:Entity) RETURN count(e) AS entities } RETURN COUNT { (n)--() } AS degree, entities',
    );
    expect(sizes!.degree ** 2).toBeGreaterThan(8 * sizes!.entities);

    const whole = (await api.graphql(PAGE, { first: 100 })).data?.entity.relationships;
    expect(whole.totalCount).toBe(sizes!.degree);
    const ids = whole.edges.map((e: any) => e.relationship.id);
    expect(ids).toHaveLength(sizes!.degree);

    const forward: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i += 1) {
      const page: any = (await api.graphql(PAGE, { first: 1, after })).data?.entity.relationships;
      forward.push(...page.edges.map((e: any) => e.relationship.id));
      expect(page.totalCount).toBe(sizes!.degree);
      expect(page.pageInfo.hasNextPage).toBe(true);
      after = page.pageInfo.endCursor;
    }
    expect(forward).toEqual(ids.slice(0, 5));

    const last = (await api.graphql(PAGE, { last: 2 })).data?.entity.relationships;
    expect(last.edges.map((e: any) => e.relationship.id)).toEqual(ids.slice(-2));
  });

  it('counts only when totalCount is selected, and says whether more follow either way', async () => {
    const query = `query($first: Int!) { entity(id: "country:japan") { relationships(first: $first) {
      pageInfo { hasNextPage } edges { relationship { id } } } } }`;
    const total = (await api.graphql(PAGE, { first: 0 })).data?.entity.relationships.totalCount as number;
    const short = await recorded(() => api.graphql(query, { first: total - 1 }));
    expect(short.result.data?.entity.relationships.pageInfo.hasNextPage).toBe(true);
    expect(short.result.data?.entity.relationships.edges).toHaveLength(total - 1);
    const exact = await recorded(() => api.graphql(query, { first: total }));
    expect(exact.result.data?.entity.relationships.pageInfo.hasNextPage).toBe(false);
    for (const read of [short, exact]) {
      const page = read.statements.filter((_, i) => read.operations[i] === 'related.both');
      expect(page).toHaveLength(1);
      expect(page[0]).toContain('null AS total');
    }
  });
});

describe('Query.crossReference', () => {
  const QUERY = (fields: string) => `{ crossReference(filter: { categories: ["material:semiconductors"] }, first: 3) {
    ${fields} pageInfo { hasNextPage } edges { node { company { id } material { id } } } } }`;

  it('runs the count statement only when totalCount is selected, with the same page', async () => {
    const counted = await recorded(() => api.graphql(QUERY('totalCount')));
    const uncounted = await recorded(() => api.graphql(QUERY('')));
    expect(counted.operations.sort()).toEqual(['cross-reference.count', 'cross-reference.page']);
    expect(uncounted.operations).toEqual(['cross-reference.page']);
    const { totalCount, ...page } = counted.result.data?.crossReference ?? {};
    expect(totalCount).toBeGreaterThan(3);
    expect(uncounted.result.data?.crossReference).toEqual(page);
    expect(counted.result.data?.crossReference.pageInfo.hasNextPage).toBe(true);
  });
});

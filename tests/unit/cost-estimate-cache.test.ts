/**
 * The cost estimate cache (src/limits/cost-estimate-cache.ts) and the cost limit that uses it: the cache holds at
 * most its bound however many distinct operations clients send, an operation sent again is a hit, and an operation
 * over the budget is refused the same way (code, message, extensions) whether its estimate was cached or not.
 */
import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/api-schema.ts';
import { CostEstimateCache, type EstimatedOperation } from '../../src/limits/cost-estimate-cache.ts';
import { costLimitPlugin } from '../../src/limits/cost-limit-plugin.ts';

const operation = (queryHash: string, variables?: Record<string, unknown>): EstimatedOperation => ({
  queryHash,
  operationName: null,
  hasVariables: variables !== undefined,
  variables,
});

describe('CostEstimateCache: bounded state', () => {
  it('holds at most maxEntries estimates however many distinct operations arrive', () => {
    const cache = new CostEstimateCache(50);
    let estimated = 0;
    for (let i = 0; i < 500; i += 1) {
      cache.estimate(operation(`document ${i}`), () => {
        estimated += 1;
        return i;
      });
    }
    expect(estimated).toBe(500);
    expect(cache.size).toBe(50);
    expect(cache.misses).toBe(500);
  });

  it('estimates an operation sent again once, and keys by variables when the operation declares them', () => {
    const cache = new CostEstimateCache(10);
    const calls: string[] = [];
    const estimate = (label: string, cost: number) => () => {
      calls.push(label);
      return cost;
    };
    expect(cache.estimate(operation('q', { first: 10 }), estimate('first 10', 110))).toBe(110);
    expect(cache.estimate(operation('q', { first: 10 }), estimate('first 10 again', 0))).toBe(110);
    expect(cache.estimate(operation('q', { first: 500 }), estimate('first 500', 5_010))).toBe(5_010);
    expect(calls).toEqual(['first 10', 'first 500']);
    expect([cache.hits, cache.misses]).toEqual([1, 2]);
  });

  it('does not hold an operation whose variables are long, and caches nothing when estimating throws', () => {
    const cache = new CostEstimateCache(10);
    const long = { input: 'x'.repeat(5_000) };
    cache.estimate(operation('import', long), () => 7);
    expect(cache.size).toBe(0);
    expect(() =>
      cache.estimate(operation('bad'), () => {
        throw new Error('Variable "$id" of required type "ID!" was not provided.');
      }),
    ).toThrow(/Variable/);
    expect(cache.size).toBe(0);
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => new CostEstimateCache(0)).toThrow(RangeError);
  });
});

describe('cost limit: a cached estimate is refused as an uncached one', () => {
  const BUDGET = 50_000;
  const startServer = async (cache: CostEstimateCache) => {
    const server = new ApolloServer({ typeDefs: loadTypeDefs(), plugins: [costLimitPlugin(BUDGET, cache)] });
    await server.start();
    return server;
  };
  const errorsOf = async (server: ApolloServer, query: string, variables?: Record<string, unknown>) => {
    const response = await server.executeOperation({ query, ...(variables ? { variables } : {}) });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult.errors;
  };

  it('answers the same LIMIT_EXCEEDED, message and extensions, from the cache', async () => {
    const cache = new CostEstimateCache(10);
    const server = await startServer(cache);
    // 30 aliased depth-3, 500-node neighborhoods: 30 x (10 + 500 x (3 + 2)) = 75,300 (tests/unit/cost-model.test.ts).
    const alias = (i: number) => `n${i}: neighborhood(id: "country:japan", depth: 3, limit: 500) { nodes { id } }`;
    const query = `{ ${Array.from({ length: 30 }, (_, i) => alias(i)).join(' ')} }`;
    const uncached = await errorsOf(server, query);
    const cached = await errorsOf(server, query);
    expect([cache.misses, cache.hits]).toEqual([1, 1]);
    expect(uncached?.[0]?.extensions?.['code']).toBe('LIMIT_EXCEEDED');
    expect(uncached?.[0]?.message).toMatch(/estimated cost is 75300, over the budget of 50000/);
    expect(cached).toEqual(uncached);
    await server.stop();
  });

  it('refuses by the variables sent: the same document within budget, then over it', async () => {
    const cache = new CostEstimateCache(10);
    const server = await startServer(cache);
    const query = `query ($limit: Int!) {
      a: neighborhood(id: "x", depth: 3, limit: $limit) { nodes { id } }
      b: neighborhood(id: "x", depth: 3, limit: $limit) { nodes { id } }
    }`;
    // 2 x (10 + limit x 5): 520 for 50 within the budget (no cost error), 100,020 for 10,000 over it.
    const within = await errorsOf(server, query, { limit: 50 });
    expect(within?.some((e) => e.extensions?.['code'] === 'LIMIT_EXCEEDED') ?? false).toBe(false);
    const over = await errorsOf(server, query, { limit: 10_000 });
    const overAgain = await errorsOf(server, query, { limit: 10_000 });
    expect(over?.[0]?.extensions?.['cost']).toBe(100_020);
    expect(overAgain).toEqual(over);
    expect(cache.hits).toBe(1);
    await server.stop();
  });

  it('keeps its bound through the plugin when every request is a new document', async () => {
    const cache = new CostEstimateCache(10);
    const server = await startServer(cache);
    for (let i = 0; i < 40; i += 1) await errorsOf(server, `{ a${i}: __typename }`);
    expect(cache.size).toBe(10);
    expect(cache.misses).toBe(40);
    await server.stop();
  });
});

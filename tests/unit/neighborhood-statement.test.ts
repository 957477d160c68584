/**
 * Query.neighborhood's statement as text (the role neo4j/graphql's TCK plays): one statement for any depth, the
 * centre found by its id, every value a parameter. The plan is checked by tests/integration/explain-hot-statements.
 */
import { describe, expect, it } from 'vitest';
import type { QueryRunner } from '../../src/db/query-runner.ts';
import { findNeighborhood } from '../../src/graph/neighborhood.ts';

/** A runner that records what it is asked to read and answers with no rows (an unknown centre). */
function recordingRunner(): {
  runner: QueryRunner;
  reads: Array<{ operation: string; query: string; params: unknown }>;
} {
  const reads: Array<{ operation: string; query: string; params: unknown }> = [];
  const refuse = () => Promise.reject(new Error('the neighborhood only reads'));
  const runner: QueryRunner = {
    read: async (operation, query, params) => {
      reads.push({ operation, query, params });
      return [];
    },
    write: refuse,
    writeTransaction: refuse,
    explain: refuse,
    statementCount: 0,
  };
  return { runner, reads };
}

describe('Query.neighborhood: the statement', () => {
  it('is one statement, the same text for every depth and limit, with the values as parameters', async () => {
    const { runner, reads } = recordingRunner();
    for (const depth of [1, 2, 3]) {
      const answer = await findNeighborhood(runner, 'country:japan', {
        depth,
        limit: 60 * depth,
        types: ['BASED_IN'],
        asOf: '2024-12-31',
        projection: { nodes: 'core', edges: 'core' },
      });
      expect(answer).toBeNull();
    }
    expect(reads.map((r) => r.operation)).toEqual(['neighborhood', 'neighborhood', 'neighborhood']);
    expect(new Set(reads.map((r) => r.query)).size).toBe(1);
    expect(reads[2]?.params).toEqual({
      id: 'country:japan',
      depth: 3,
      limit: 180,
      types: ['BASED_IN'],
      asOf: '2024-12-31',
    });
    await expect(reads[0]?.query).toMatchFileSnapshot('./__snapshots__/neighborhood-core.cypher');
  });

  it('reads edges as their ids alone when told to', async () => {
    const { runner, reads } = recordingRunner();
    const projection = { nodes: 'core', edges: 'id' } as const;
    await findNeighborhood(runner, 'country:japan', { depth: 1, limit: 10, types: null, asOf: null, projection });
    expect(reads[0]?.query).toContain('RETURN collect(r.id) AS edges');
    // Still in the order of the core projection: source, type, target, key.
    expect(reads[0]?.query).toContain('ORDER BY source, type, target, r.key');
  });

  it('reads every property of nodes and edges unless told to read their core', async () => {
    const { runner, reads } = recordingRunner();
    await findNeighborhood(runner, 'country:japan', { depth: 1, limit: 10, types: null, asOf: null });
    expect(reads[0]?.query).toContain('[n IN kept[1..] | properties(n)]');
    expect(reads[0]?.query).toContain('props: properties(r)');
  });
});

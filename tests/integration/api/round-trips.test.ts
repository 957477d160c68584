/**
 * No N+1: a nested query costs a number of database round trips bounded by its depth, whatever the number of
 * results. Round trips are counted by the query runner itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../helpers/api-server.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
});
afterAll(() => api.close());

// Four levels below the list: materials -> suppliers -> facilities -> operators, plus subMaterials.
const NESTED = `query($first: Int) {
  entities(kind: Material, first: $first) {
    totalCount
    edges { node { id ... on Material {
      subMaterials { id }
      suppliers { id ... on Company {
        facilities { id ... on Facility { operators { id } } }
      } }
    } } }
  }
}`;

async function roundTrips(first: number): Promise<{ statements: number; materials: number; suppliers: number }> {
  const before = api.db.runner.statementCount;
  const { data, errors } = await api.graphql(NESTED, { first });
  expect(errors).toBeUndefined();
  const edges = data?.entities.edges as any[];
  return {
    statements: api.db.runner.statementCount - before,
    materials: edges.length,
    suppliers: edges.reduce((n, e) => n + e.node.suppliers.length, 0),
  };
}

describe('round trips: bounded by depth, not by results', () => {
  it('costs at most one statement per level for 3 materials and for 60', async () => {
    const few = await roundTrips(3);
    const many = await roundTrips(60);
    expect(few.materials).toBe(3);
    expect(many.materials).toBe(60);
    expect(many.suppliers).toBeGreaterThan(30); // the test really fans out
    // page + count, subMaterials, suppliers, facilities, operators: six at most, against 60 materials and their
    // suppliers (a level with nothing to load costs nothing, so a small page may cost less).
    expect(many.statements).toBe(6);
    expect(few.statements).toBeLessThanOrEqual(6);
  });
});

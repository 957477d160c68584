/**
 * The one driver code path reaches a real Neo4j whatever the source: here, the server the global setup provides
 * (NEO4J_URI, testcontainers or the embedded launcher), addressed once as a single server (bolt://) and once
 * through the routing driver (neo4j://).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { openTestDatabase, providedNeo4j } from '../helpers/test-neo4j.ts';

function withScheme(uri: string, scheme: 'bolt' | 'neo4j'): string {
  return uri.replace(/^(bolt|neo4j)(\+s|\+ssc)?:/, `${scheme}$2:`);
}

describe.each(['bolt', 'neo4j'] as const)('database source: NEO4J_URI with %s://', (scheme) => {
  const opened: Database[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((db) => db.close()));
  });

  it('reads and writes through managed transactions on a real Neo4j 5', async () => {
    const db = await openTestDatabase({ uri: withScheme(providedNeo4j().uri, scheme) });
    opened.push(db);
    expect(db.embedded).toBe(false);

    const [component] = await db.runner.read<{ name: string; version: string }>(
      'test.components',
      'CALL dbms.components() YIELD name, versions RETURN name, versions[0] AS version',
    );
    expect(component?.name).toBe('Neo4j Kernel');
    expect(component?.version).toMatch(/^5\./);

    const marker = `source-test-${scheme}-${Date.now()}`;
    await db.runner.write('test.write', 'CREATE (:SourceTestMarker {id: $marker})', { marker });
    const rows = await db.runner.read<{ count: number }>(
      'test.read',
      'MATCH (m:SourceTestMarker {id: $marker}) RETURN count(m) AS count',
      { marker },
    );
    expect(rows).toEqual([{ count: 1 }]);
    await db.runner.write('test.cleanup', 'MATCH (m:SourceTestMarker {id: $marker}) DELETE m', { marker });
  });

  it('rolls back every statement of a failed write transaction', async () => {
    const db = await openTestDatabase({ uri: withScheme(providedNeo4j().uri, scheme) });
    opened.push(db);
    const marker = `rollback-test-${scheme}-${Date.now()}`;
    await expect(
      db.runner.writeTransaction('test.rollback', async (tx) => {
        await tx.run('CREATE (:SourceTestMarker {id: $marker})', { marker });
        await tx.run('RETURN 1 / 0');
      }),
    ).rejects.toThrow(/by zero/);
    const rows = await db.runner.read('test.read', 'MATCH (m:SourceTestMarker {id: $marker}) RETURN m', { marker });
    expect(rows).toEqual([]);
  });
});

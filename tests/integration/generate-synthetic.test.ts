/**
 * Loading the synthetic corpus into a real Neo4j: the counts asked for, idempotent on rerun, resumable after an
 * interruption, stored in the same shape as a data-file load, and skewed (hub degrees). That the bulk (CREATE) and
 * MERGE writers store the same graph is in bulk-load.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/db/apply-schema.ts';
import type { Database } from '../../src/db/database.ts';
import { generateSyntheticGraph } from '../../src/generate/synthetic-graph.ts';
import { isGeneratedGraphLoaded, loadGeneratedGraph } from '../../src/generate/load-generated-graph.ts';
import { clearDatabase, graphSnapshot } from '../helpers/graph-snapshot.ts';
import { differences, readStoredGraph } from '../helpers/stored-graph.ts';
import { openTestDatabase } from '../helpers/test-neo4j.ts';

let db: Database;
const graph = generateSyntheticGraph({ relationships: 2000, seed: 42, label: 'test' });

async function counts(): Promise<{ entities: number; relationships: number }> {
  const [row] = await db.runner.read<{ entities: number; relationships: number }>(
    'test.counts',
    `MATCH (n:Entity {documentId: $id})
     RETURN count(n) AS entities, COUNT { MATCH ()-[r]->() WHERE r.documentId = $id } AS relationships`,
    { id: graph.document.id },
  );
  return row ?? { entities: -1, relationships: -1 };
}

beforeAll(async () => {
  db = await openTestDatabase();
  await clearDatabase(db.runner);
  await applySchema(db.runner);
});

afterAll(async () => {
  await clearDatabase(db.runner);
  await db.close();
});

describe('loadGeneratedGraph', () => {
  it('resumes after an interruption and ends with exactly the generated entities and relationships', async () => {
    let batches = 0;
    await expect(
      loadGeneratedGraph(
        db.runner,
        graph,
        () => {
          batches += 1;
          if (batches === 3) throw new Error('interrupted');
        },
        400,
      ),
    ).rejects.toThrow('interrupted');
    expect(await isGeneratedGraphLoaded(db.runner, graph.document.id)).toBe(false);
    const partial = await counts();
    expect(partial.relationships).toBeLessThan(2000);

    const resumed = await loadGeneratedGraph(db.runner, graph, () => {}, 400);
    // An empty database at the start: every batch is created, the ones after the interruption too.
    expect(resumed).toMatchObject({ writer: 'create', batchesSkipped: 3 });
    expect(await counts()).toEqual({ entities: graph.counts.entities, relationships: 2000 });
    expect(await isGeneratedGraphLoaded(db.runner, graph.document.id)).toBe(true);
  });

  it('changes nothing when run again, finished or not', async () => {
    const before = await readStoredGraph(db.runner);
    const beforeSnapshot = await graphSnapshot(db.runner);
    const again = await loadGeneratedGraph(db.runner, graph);
    expect(again.wrote).toBe(false);
    expect(await graphSnapshot(db.runner)).toBe(beforeSnapshot);
    // Forget the progress marker: the graph's records are there, so every batch is merged again, and MERGE leaves
    // the same graph (the new progress record says it merged).
    await db.runner.write('test.forget-run', 'MATCH (g:GeneratorRun) DETACH DELETE g');
    const rewritten = await loadGeneratedGraph(db.runner, graph, () => {}, 400);
    expect(rewritten).toMatchObject({ writer: 'merge', batchesSkipped: 0 });
    expect(rewritten.batchesWritten).toBeGreaterThan(1);
    expect(differences(before, await readStoredGraph(db.runner))).toEqual([]);
    expect(await counts()).toEqual({ entities: graph.counts.entities, relationships: 2000 });
  });

  it('stores entities and relationships as a data-file load does', async () => {
    const [company] = await db.runner.read<{ labels: string[]; props: Record<string, unknown> }>(
      'test.company',
      'MATCH (n:Entity {id: $id}) RETURN labels(n) AS labels, properties(n) AS props',
      { id: graph.hubs.company },
    );
    expect(company?.labels.sort()).toEqual(['Company', 'Entity']);
    expect(company?.props).toMatchObject({ kind: 'Company', documentId: graph.document.id });
    expect(JSON.parse(String(company?.props['sourcesJson']))[0].quote).toBeTruthy();
    const [link] = await db.runner.read<{ props: Record<string, unknown> }>(
      'test.link',
      `MATCH (:Company)-[r:APPROVED_SUPPLY_PLAN_FOR]->(:Material) WHERE r.date IS NOT NULL
       RETURN properties(r) AS props LIMIT 1`,
    );
    expect(link?.props['validFrom']).toMatch(/^\d{4}-\d{2}-01$/);
    expect(link?.props['propertyKeys']).toContain('date');
  });

  it('has hubs: the first country and the first material hold many times an average degree', async () => {
    const rows = await db.runner.read<{ id: string; degree: number; average: number }>(
      'test.hubs',
      `MATCH (n:Entity) WHERE n.kind IN ['Country', 'Material'] AND n.documentId = $doc
       WITH n.kind AS kind, n, COUNT { (n)--() } AS degree
       WITH kind, collect({id: n.id, degree: degree}) AS all, avg(degree) AS average
       UNWIND all AS one
       WITH one, average WHERE one.id IN $hubs
       RETURN one.id AS id, one.degree AS degree, average`,
      { doc: graph.document.id, hubs: [graph.hubs.country, graph.hubs.material] },
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.degree, row.id).toBeGreaterThan(4 * row.average);
  });
});

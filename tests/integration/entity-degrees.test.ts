/**
 * Stored degrees (src/store/entity-degrees.ts): every writer leaves each entity's `degree` equal to the number of
 * relationships it has. Each case writes through one writer, then compares every stored degree with a fresh count;
 * the seed's degrees are also compared with the data files, counted with the YAML library alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/db/apply-schema.ts';
import type { Database } from '../../src/db/database.ts';
import { generateSyntheticGraph } from '../../src/generate/synthetic-graph.ts';
import { loadGeneratedGraph } from '../../src/generate/load-generated-graph.ts';
import { listDataFiles, loadGraph } from '../../src/seed/load-graph.ts';
import { storeMissingDegrees } from '../../src/store/entity-degrees.ts';
import { readDataFiles } from '../../src/store/read-data-files.ts';
import { deleteRelationship } from '../../src/store/relationship-records.ts';
import { validateGraphData, type RelationshipToWrite } from '../../src/store/validate-graph-data.ts';
import { writeGraphInBatches } from '../../src/store/write-graph-in-batches.ts';
import { writeRelationships } from '../../src/store/write-graph.ts';
import { readOracle } from '../helpers/data-oracle.ts';
import { clearDatabase } from '../helpers/graph-snapshot.ts';
import { wrongDegrees } from '../helpers/stored-degrees.ts';
import { openTestDatabase } from '../helpers/test-neo4j.ts';

let db: Database;

async function clean(): Promise<void> {
  await clearDatabase(db.runner);
  await applySchema(db.runner);
}

async function storedDegrees(): Promise<Map<string, number>> {
  const rows = await db.runner.read<{ id: string; degree: number }>(
    'test.degrees',
    'MATCH (n:Entity) RETURN n.id AS id, n.degree AS degree',
  );
  return new Map(rows.map((r) => [r.id, r.degree]));
}

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await clearDatabase(db.runner);
  await db.close();
});

describe('every writer keeps each entity’s degree', () => {
  it('the seed: each degree is the number of relationships the data files give the entity', async () => {
    await clean();
    await loadGraph(db.runner, listDataFiles());
    const oracle = readOracle();
    const expected = new Map(
      [...oracle.entities.keys()].map((id) => [id, oracle.links.filter((l) => l.from === id || l.to === id).length]),
    );
    expect(Math.max(...expected.values())).toBeGreaterThan(10);
    expect(await storedDegrees()).toEqual(expected);
  });

  it('a curated link and unlink recount both ends', async () => {
    const before = await storedDegrees();
    const relationship: RelationshipToWrite = {
      type: 'BASED_IN',
      from: 'company:rapidus',
      to: 'country:south-korea',
      key: 'test',
      properties: {},
      documentId: 'japan-supply-chain-policy',
      sources: [{ section: 'Introduction', quote: 'a quote for the test' }],
    };
    const [id] = await db.runner.writeTransaction('test.link', (tx) => writeRelationships(tx, [relationship]));
    const linked = await storedDegrees();
    expect(linked.get('company:rapidus')).toBe((before.get('company:rapidus') ?? 0) + 1);
    expect(linked.get('country:south-korea')).toBe((before.get('country:south-korea') ?? 0) + 1);
    await db.runner.writeTransaction('test.unlink', (tx) => deleteRelationship(tx, 'company:rapidus', id ?? ''));
    expect(await storedDegrees()).toEqual(before);
  });

  it('the batched bulk load (a restore into an empty database)', async () => {
    await clean();
    const { parsed, problems } = readDataFiles(listDataFiles());
    expect(problems).toEqual([]);
    const { graph } = validateGraphData(parsed, { entities: new Map(), documents: new Map() });
    await writeGraphInBatches(db.runner, graph, { loadId: 'test-degrees', batchSize: 50 });
    expect(await wrongDegrees(db.runner)).toEqual([]);
  });

  it('the generator, created into an empty database and merged over it again', async () => {
    await clean();
    const generated = generateSyntheticGraph({ relationships: 1500, seed: 7, label: 'degrees' });
    await loadGeneratedGraph(db.runner, generated, () => {}, 300);
    expect(await wrongDegrees(db.runner)).toEqual([]);
    const degrees = await storedDegrees();
    expect(Math.max(...degrees.values())).toBeGreaterThan(50);
  });
});

describe('storeMissingDegrees', () => {
  it('stores the degree of entities written without one, in batches, and then has nothing to do', async () => {
    const counted = await storedDegrees();
    await db.runner.write('test.forget-degrees', 'MATCH (n:Entity) REMOVE n.degree');
    expect((await wrongDegrees(db.runner)).length).toBeGreaterThan(0);
    expect(await storeMissingDegrees(db.runner, 100)).toBe(counted.size);
    expect(await storedDegrees()).toEqual(counted);
    expect(await storeMissingDegrees(db.runner, 100)).toBe(0);
  });
});

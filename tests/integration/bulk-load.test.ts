/**
 * The bulk write path (src/store/create-graph.ts): records new to the database are created, not merged, and the
 * graph is the same either way, node by node and relationship by relationship, citations included. Each case
 * loads the same data into a clean database twice, once per path, and compares the two graphs; the batched load
 * of data files resumes after a crash and a second run changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/db/apply-schema.ts';
import type { Database } from '../../src/db/database.ts';
import { generateSyntheticGraph } from '../../src/generate/synthetic-graph.ts';
import { loadGeneratedGraph } from '../../src/generate/load-generated-graph.ts';
import { listDataFiles, loadGraph } from '../../src/seed/load-graph.ts';
import { createDocuments, createEntities, createRelationships } from '../../src/store/create-graph.ts';
import { readDataFiles } from '../../src/store/read-data-files.ts';
import { validateGraphData, type GraphData } from '../../src/store/validate-graph-data.ts';
import { writeDocuments, writeEntities, writeRelationships } from '../../src/store/write-graph.ts';
import { clearDatabase, graphSnapshot } from '../helpers/graph-snapshot.ts';
import { differences, readStoredGraph, type StoredGraph } from '../helpers/stored-graph.ts';
import { openTestDatabase } from '../helpers/test-neo4j.ts';

let db: Database;
/** The paper's data files (data/), validated against an empty database. */
let paper: GraphData;

async function clean(): Promise<void> {
  await clearDatabase(db.runner);
  await applySchema(db.runner);
}

async function loadRuns(): Promise<number> {
  const [row] = await db.runner.read<{ runs: number }>('test.load-runs', 'MATCH (r:LoadRun) RETURN count(r) AS runs');
  return row?.runs ?? -1;
}

beforeAll(async () => {
  db = await openTestDatabase();
  const { parsed, problems } = readDataFiles(listDataFiles());
  expect(problems).toEqual([]);
  const validated = validateGraphData(parsed, { entities: new Map(), documents: new Map() });
  expect(validated.problems).toEqual([]);
  paper = validated.graph;
});

afterAll(async () => {
  await clearDatabase(db.runner);
  await db.close();
});

describe('Bulk writer: the same graph as the MERGE writer', () => {
  it('creates the paper, entity by entity and link by link, as MERGE writes it', async () => {
    await clean();
    await db.runner.writeTransaction('test.merge', async (tx) => {
      await writeDocuments(tx, paper.documents);
      await writeEntities(tx, paper.entities);
      await writeRelationships(tx, paper.relationships);
    });
    const merged = await readStoredGraph(db.runner);

    await clean();
    // Small statements, so a load spans many of them.
    await db.runner.writeTransaction('test.create', async (tx) => {
      await createDocuments(tx, paper.documents, 7);
      await createEntities(tx, paper.entities, 7);
      await createRelationships(tx, paper.relationships, 7);
    });
    const created = await readStoredGraph(db.runner);

    expect(differences(merged, created)).toEqual([]);
    // What the comparison covers: every entity, relationship, citation and section of the paper.
    expect(created.rows.relationships).toBe(paper.relationships.length);
    const citations = [...created.nodes.keys()].filter((k) => k.startsWith('Citation ')).length;
    const sources = [...paper.entities, ...paper.relationships].reduce((n, r) => n + r.sources.length, 0);
    expect(citations).toBe(sources);
    expect([...created.nodes.keys()].filter((k) => k.startsWith('Section ')).length).toBeGreaterThan(5);
  });

  it('fails rather than duplicate: creating a stored entity again breaks the id constraint', async () => {
    const before = await graphSnapshot(db.runner);
    const entity = paper.entities[0];
    if (entity === undefined) throw new Error('the paper has no entity');
    await expect(
      db.runner.writeTransaction('test.create-twice', (tx) => createEntities(tx, [entity])),
    ).rejects.toThrow();
    expect(await graphSnapshot(db.runner)).toBe(before);
  });

  it('notices a difference (the comparison can fail)', async () => {
    const stored = await readStoredGraph(db.runner);
    const changed: StoredGraph = {
      nodes: new Map(stored.nodes),
      relationships: new Map(stored.relationships),
      rows: { ...stored.rows, relationships: stored.rows.relationships + 1 },
    };
    const [key, props] = [...changed.nodes].find(([k]) => k.startsWith('Citation ')) ?? [];
    if (key === undefined) throw new Error('no citation');
    changed.nodes.set(key, { ...props, quote: 'another quote' });
    expect(differences(stored, changed)).toEqual([
      `node ${key} differs`,
      `${stored.rows.relationships} relationships, got ${stored.rows.relationships + 1}`,
    ]);
  });
});

describe('npm run seed: data files into an empty database', () => {
  let expected: StoredGraph;
  let expectedSnapshot: string;

  beforeAll(async () => {
    await clean();
    await db.runner.writeTransaction('test.merge', async (tx) => {
      await writeDocuments(tx, paper.documents);
      await writeEntities(tx, paper.entities);
      await writeRelationships(tx, paper.relationships);
    });
    expected = await readStoredGraph(db.runner);
  });

  it('in one transaction, creates the graph the MERGE writer writes', async () => {
    await clean();
    const summary = await loadGraph(db.runner, listDataFiles());
    expect(summary.relationships).toBe(paper.relationships.length);
    expect(differences(expected, await readStoredGraph(db.runner))).toEqual([]);
    expectedSnapshot = await graphSnapshot(db.runner);
  });

  it('in batches (a load over the bulk threshold), creates the same graph and leaves no progress record', async () => {
    await clean();
    const progress: number[] = [];
    await loadGraph(db.runner, listDataFiles(), {
      bulkThreshold: 0,
      batchSize: 150,
      onProgress: ({ done }) => progress.push(done),
    });
    expect(progress.length).toBeGreaterThan(4);
    expect(progress.at(-1)).toBe(paper.entities.length + paper.relationships.length);
    expect(differences(expected, await readStoredGraph(db.runner))).toEqual([]);
    expect(await loadRuns()).toBe(0);
    expect(await graphSnapshot(db.runner)).toBe(expectedSnapshot);
  });

  it('in batches, resumes after a crash: a rerun writes the batches that are missing', async () => {
    await clean();
    let batches = 0;
    const crashing = {
      bulkThreshold: 0,
      batchSize: 150,
      onProgress: () => {
        batches += 1;
        if (batches === 3) throw new Error('crashed');
      },
    };
    await expect(loadGraph(db.runner, listDataFiles(), crashing)).rejects.toThrow('crashed');
    // Three batches committed: the document, then entities; no relationship yet.
    const partial = await readStoredGraph(db.runner);
    expect(partial.rows.relationships).toBe(0);
    expect([...partial.nodes.keys()].filter((k) => k.startsWith('Entity ')).length).toBe(300);
    expect(await loadRuns()).toBe(1);

    const written: number[] = [];
    await loadGraph(db.runner, listDataFiles(), {
      bulkThreshold: 0,
      batchSize: 150,
      onProgress: ({ done }) => written.push(done),
    });
    expect(differences(expected, await readStoredGraph(db.runner))).toEqual([]);
    expect(await loadRuns()).toBe(0);
  });

  it('a second seed changes nothing', async () => {
    await loadGraph(db.runner, listDataFiles(), { bulkThreshold: 0, batchSize: 150 });
    expect(await graphSnapshot(db.runner)).toBe(expectedSnapshot);
  });
});

describe('npm run generate: created into an empty database, merged otherwise', () => {
  const graph = generateSyntheticGraph({ relationships: 2000, seed: 7, label: 'bulk-test' });

  it('creates the same graph as it merges', async () => {
    await clean();
    const created = await loadGeneratedGraph(db.runner, graph, () => {}, 500);
    expect(created.writer).toBe('create');
    const createdGraph = await readStoredGraph(db.runner);

    await clean();
    // A document already stored: the load merges.
    await db.runner.writeTransaction('test.document', (tx) => writeDocuments(tx, [graph.document]));
    const merged = await loadGeneratedGraph(db.runner, graph, () => {}, 500);
    expect(merged.writer).toBe('merge');
    const mergedGraph = await readStoredGraph(db.runner);

    expect(differences(mergedGraph, createdGraph)).toEqual([]);
    expect(createdGraph.rows.relationships).toBe(2000);
    expect([...createdGraph.nodes.keys()].filter((k) => k.startsWith('Entity ')).length).toBe(graph.counts.entities);
  });
});

/**
 * The two engines of the graph measures give the same answers: in process (src/analytics/) and on Neo4j Graph
 * Data Science (src/graph/gds-measures.ts), which the embedded launcher registers. A server whose cap is 0 sends
 * every projection over the cap, i.e. to GDS; one with GDS turned off measures everything in process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../../src/db/apply-schema.ts';
import type { Database } from '../../src/db/database.ts';
import { LimitExceededError } from '../../src/errors.ts';
import { generateSyntheticGraph } from '../../src/generate/synthetic-graph.ts';
import { loadGeneratedGraph } from '../../src/generate/load-generated-graph.ts';
import { hasGraphDataScience } from '../../src/graph/gds-availability.ts';
import { gdsArticulationPointIds } from '../../src/graph/gds-measures.ts';
import type { ProjectionSpec } from '../../src/graph/projection.ts';
import { ProjectionMeasures, type EntityScoreRow } from '../../src/measures/projection-measures.ts';
import { SUPPLY_LINK_TYPES, VOCABULARY } from '../../src/model/vocabulary.ts';
import { listDataFiles, loadGraph } from '../../src/seed/load-graph.ts';
import { clearDatabase } from '../helpers/graph-snapshot.ts';
import { openTestDatabase } from '../helpers/test-neo4j.ts';

/** The default projection of the API (src/resolvers/query/graph-measures.ts). */
const SUPPLY_NETWORK: ProjectionSpec = {
  kinds: ['Company', 'Country', 'Material'],
  types: [...SUPPLY_LINK_TYPES, 'BASED_IN', 'PART_OF'].sort(),
  asOf: null,
};
const WHOLE_GRAPH: ProjectionSpec = {
  kinds: Object.keys(VOCABULARY.kinds).sort(),
  types: Object.keys(VOCABULARY.relationshipTypes).sort(),
  asOf: null,
};
const EVERY_SCORE = 1_000_000;

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await clearDatabase(db.runner);
  await applySchema(db.runner);
});

afterAll(async () => {
  await clearDatabase(db.runner);
  await db.close();
});

/** New engines each time, so no answer comes from a cache. */
function engines(): { inProcess: ProjectionMeasures; gds: ProjectionMeasures } {
  return { inProcess: new ProjectionMeasures(50_000, { gds: false }), gds: new ProjectionMeasures(0) };
}

/**
 * GDS's top `first` against every in-process score: the same values rank by rank, and each entity GDS ranks has the
 * same score in process (so the rankings differ at most in the order of entities whose scores tie). Returns the
 * largest difference.
 */
function expectSameRanking(gds: EntityScoreRow[], inProcess: EntityScoreRow[], first: number, tolerance: number) {
  const byId = new Map(inProcess.map((row) => [row.entityId, row.score]));
  expect(gds).toHaveLength(Math.min(first, inProcess.length));
  let largest = 0;
  gds.forEach((row, i) => {
    const expected = inProcess[i]?.score ?? Number.NaN;
    largest = Math.max(largest, Math.abs(row.score - expected), Math.abs(row.score - (byId.get(row.entityId) ?? -1)));
  });
  expect(largest).toBeLessThan(tolerance);
  return largest;
}

/** Both engines on one projection: betweenness, PageRank and the articulation points. */
async function compareEngines(spec: ProjectionSpec, label: string, hasPoints = true): Promise<void> {
  const { inProcess, gds } = engines();
  const first = 20;

  const betweenness = {
    gds: await gds.centrality(db.runner, 'BETWEENNESS', spec, first),
    inProcess: await inProcess.centrality(db.runner, 'BETWEENNESS', spec, EVERY_SCORE),
  };
  const betweennessDiff = expectSameRanking(betweenness.gds, betweenness.inProcess, first, 1e-6);
  expect(betweenness.gds[0]?.score).toBeGreaterThan(0);

  const pagerank = {
    gds: await gds.centrality(db.runner, 'PAGERANK', spec, EVERY_SCORE),
    inProcess: await inProcess.centrality(db.runner, 'PAGERANK', spec, EVERY_SCORE),
  };
  const pagerankDiff = expectSameRanking(pagerank.gds, pagerank.inProcess, EVERY_SCORE, 1e-3);
  expect(pagerank.gds.reduce((sum, row) => sum + row.score, 0)).toBeCloseTo(1, 9);

  const points = await inProcess.articulationPoints(db.runner, spec, EVERY_SCORE);
  const gdsPoints = await gdsArticulationPointIds(db.runner, spec);
  expect(gdsPoints).toEqual(points.map((p) => p.entityId).sort());
  expect(points.length > 0).toBe(hasPoints);

  expect(gds.answersByEngine).toEqual({ 'in-process': 0, gds: 2 });
  expect(inProcess.answersByEngine).toEqual({ 'in-process': 3, gds: 0 });
  // The figures the report and docs/analytics.md quote.
  console.info(
    `${label}: ${pagerank.inProcess.length} entities; top-${first} betweenness max |diff| ${betweennessDiff.toExponential(2)}; ` +
      `PageRank max |diff| ${pagerankDiff.toExponential(2)} over all entities; ${points.length} articulation points agree`,
  );
}

describe('GDS engine: availability', () => {
  it('the embedded launcher has Graph Data Science', async () => {
    expect(await hasGraphDataScience(db.runner)).toBe(true);
  });
});

describe('GDS engine: the same answers as in process on the paper', () => {
  beforeAll(async () => {
    await clearDatabase(db.runner);
    await loadGraph(db.runner, listDataFiles());
  });

  it('the supply network: betweenness, PageRank and articulation points agree', async () => {
    await compareEngines(SUPPLY_NETWORK, 'paper, supply network');
  });

  it('the whole graph: betweenness, PageRank and articulation points agree', async () => {
    await compareEngines(WHOLE_GRAPH, 'paper, whole graph');
  });

  it('an empty projection is empty on GDS too', async () => {
    const { gds } = engines();
    const nothing = { ...SUPPLY_NETWORK, kinds: ['NoSuchKind'] };
    expect(await gds.centrality(db.runner, 'BETWEENNESS', nothing, 20)).toEqual([]);
    expect(await gdsArticulationPointIds(db.runner, nothing)).toEqual([]);
  });

  it('over the cap, articulation points and communities stay LIMIT_EXCEEDED, and so does all without GDS', async () => {
    const { gds } = engines();
    await expect(gds.articulationPoints(db.runner, SUPPLY_NETWORK, 20)).rejects.toBeInstanceOf(LimitExceededError);
    await expect(gds.communities(db.runner, SUPPLY_NETWORK, 1, 20)).rejects.toBeInstanceOf(LimitExceededError);
    const noGds = new ProjectionMeasures(0, { gds: false });
    await expect(noGds.centrality(db.runner, 'BETWEENNESS', SUPPLY_NETWORK, 20)).rejects.toBeInstanceOf(
      LimitExceededError,
    );
  });

  it('leaves no graph in the GDS catalog', async () => {
    const rows = await db.runner.read<{ graphName: string }>(
      'test.gds.list',
      `CALL gds.graph.list() YIELD graphName WHERE graphName STARTS WITH 'kg-measure-' RETURN graphName`,
    );
    expect(rows).toEqual([]);
  });
});

describe('GDS engine: the same answers as in process on a synthetic graph of 10,000 relationships', () => {
  const graph = generateSyntheticGraph({ relationships: 10_000, seed: 7, label: 'gds-engine' });

  beforeAll(async () => {
    await clearDatabase(db.runner);
    await loadGeneratedGraph(db.runner, graph);
  });

  it('betweenness, PageRank and articulation points (none: it is biconnected) agree on the whole graph', async () => {
    await compareEngines(WHOLE_GRAPH, 'synthetic 10k, whole graph', false);
  });
});

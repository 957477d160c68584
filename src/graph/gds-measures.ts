/**
 * Internal: graph measures on Neo4j Graph Data Science (GDS), for projections larger than the server measures in
 * process (src/measures/projection-measures.ts). The projection is the one src/graph/projection.ts reads (the same
 * kinds, types and date), projected into GDS's in-memory catalog by a Cypher aggregation (`gds.graph.project`)
 * as the undirected simple graph the in-process measures use (src/analytics/centrality.ts): one undirected
 * relationship per linked pair of entities, however many relationships cite the link, self-loops dropped (an entity
 * whose only relationships are self-loops stays in it, unlinked, as in `toGraph`). Each call projects under a graph
 * name of its own and drops it in `finally`, so concurrent calls never share or leak a catalog entry.
 *
 * The scores are rescaled to the in-process definitions, so the two engines give the same answer:
 * - BETWEENNESS: GDS sums over unordered pairs on an undirected graph; times 2 / ((n - 1)(n - 2)) it is
 *   graphology's normalised betweenness (0 for n <= 2).
 * - PAGERANK: GDS's scores (damping 0.85) are not normalised; divided by their sum they are the stationary
 *   distribution graphology computes. GDS runs until every score moves less than 1e-7 (at most 100 iterations),
 *   graphology until the sum of changes is below n · 1e-6: they agree to about 1e-6.
 */
import { randomUUID } from 'node:crypto';
import type { QueryRunner } from '../db/query-runner.ts';
import { compareIds } from '../analytics/compare-ids.ts';
import { holdsAsOf } from './partial-date.ts';
import type { ProjectionSpec } from './projection.ts';

/** The measures this module computes on GDS. */
export type GdsCentralityMeasure = 'BETWEENNESS' | 'PAGERANK';

/** What GDS held for one call: the entities and linked pairs of the projection. */
export interface GdsProjectionSize {
  nodes: number;
  /** Linked pairs of entities (the undirected simple view), not cited relationships. */
  pairs: number;
}

/**
 * Takes: $graphName, $kinds, $types, $asOf. Returns: one row with the graph's size (none when the projection is
 * empty). The pair's ends are ordered by id, so DISTINCT keeps one row per linked pair.
 */
const PROJECT = `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $types AND a.kind IN $kinds AND b.kind IN $kinds AND ${holdsAsOf('r')}
WITH DISTINCT CASE WHEN a.id <= b.id THEN a ELSE b END AS s, CASE WHEN a.id <= b.id THEN b ELSE a END AS t
WITH gds.graph.project($graphName, s, CASE WHEN s = t THEN null ELSE t END, {}, {undirectedRelationshipTypes: ['*']}) AS g
WHERE g IS NOT NULL
RETURN g.nodeCount AS nodes, g.relationshipCount AS relationships`;

/** Takes: $graphName. Drops the graph if it is there. */
const DROP = `
CALL gds.graph.drop($graphName, false) YIELD graphName
RETURN graphName`;

/**
 * Takes: $graphName, $scale, $first. Returns: the `first` highest scores times $scale, by entity id; ties (to
 * 1e-12, below the noise of either engine's arithmetic) in id order, as `rankScores` orders them.
 */
const BETWEENNESS = `
CALL gds.betweenness.stream($graphName) YIELD nodeId, score
WITH gds.util.asNode(nodeId).id AS id, score * $scale AS score
RETURN id, score
ORDER BY round(score, 12) DESC, id
LIMIT toInteger($first)`;

/**
 * Takes: $graphName. Returns: every entity's raw score. The sum and the ranking are done by the caller: collecting
 * the rows to sum them in Cypher ran out of transaction memory on 2,171 entities in the 512 MB test database.
 */
const PAGERANK = `
CALL gds.pageRank.stream($graphName, {dampingFactor: 0.85, maxIterations: 100, tolerance: 1e-7})
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score`;

/** Takes: $graphName. Returns: the ids of the articulation points of the graph, in id order. */
const ARTICULATION_POINTS = `
CALL gds.articulationPoints.stream($graphName) YIELD nodeId
WITH gds.util.asNode(nodeId).id AS id
RETURN id
ORDER BY id`;

/**
 * The `first` highest BETWEENNESS or PAGERANK scores of the projection `spec` as `centralityScores` and
 * `rankScores` define them (src/analytics/centrality.ts), highest first, with the size of what GDS measured.
 */
export async function gdsCentrality(
  runner: QueryRunner,
  measure: GdsCentralityMeasure,
  spec: ProjectionSpec,
  first: number,
): Promise<{ scores: Array<{ id: string; score: number }>; size: GdsProjectionSize }> {
  const empty = { scores: [], size: { nodes: 0, pairs: 0 } };
  return withGdsProjection(runner, spec, empty, async (graphName, size) => {
    const n = size.nodes;
    // Never more rows than entities: Neo4j sizes the top-N sort by the LIMIT, and a huge `first` ran out of memory.
    first = Math.min(first, n);
    const rows =
      measure === 'BETWEENNESS'
        ? await runner.read<{ id: string; score: number }>('analytics.gds.betweenness', BETWEENNESS, {
            graphName,
            scale: n <= 2 ? 0 : 2 / ((n - 1) * (n - 2)),
            first,
          })
        : normalisedRanking(
            await runner.read<{ id: string; score: number }>('analytics.gds.pagerank', PAGERANK, { graphName }),
            first,
          );
    return { scores: rows, size };
  });
}

/**
 * The ids of the articulation points of the projection `spec` (gds.articulationPoints), in id order. GDS 2.13
 * streams the points only, not the parts a removal leaves, so the API's answer (with component sizes) stays in
 * process; this is the cross-check of the two engines (tests/integration/gds-engine.test.ts).
 */
export async function gdsArticulationPointIds(runner: QueryRunner, spec: ProjectionSpec): Promise<string[]> {
  return withGdsProjection(runner, spec, [], async (graphName) => {
    const rows = await runner.read<{ id: string }>('analytics.gds.articulation-points', ARTICULATION_POINTS, {
      graphName,
    });
    return rows.map((r) => r.id);
  });
}

/** Projects `spec` under a fresh name, runs `work` on it and drops it whatever happens; `empty` when the projection
 *  has no relationship (GDS then makes no graph). */
async function withGdsProjection<T>(
  runner: QueryRunner,
  spec: ProjectionSpec,
  empty: T,
  work: (graphName: string, size: GdsProjectionSize) => Promise<T>,
): Promise<T> {
  const graphName = `kg-measure-${randomUUID()}`;
  try {
    const [projected] = await runner.read<{ nodes: number; relationships: number }>('analytics.gds.project', PROJECT, {
      graphName,
      kinds: spec.kinds,
      types: spec.types,
      asOf: spec.asOf,
    });
    if (projected === undefined) return empty;
    // An undirected projection holds each pair once per direction.
    return await work(graphName, { nodes: projected.nodes, pairs: projected.relationships / 2 });
  } finally {
    await runner.read('analytics.gds.drop', DROP, { graphName });
  }
}

/** The `first` highest scores divided by the sum of all, highest first, ties in id order (as `rankScores`). */
function normalisedRanking(
  rows: Array<{ id: string; score: number }>,
  first: number,
): Array<{ id: string; score: number }> {
  const total = rows.reduce((sum, row) => sum + row.score, 0);
  return rows
    .map((row) => ({ id: row.id, score: row.score / total }))
    .sort((a, b) => b.score - a.score || compareIds(a.id, b.id))
    .slice(0, first);
}

/**
 * Internal: the graph measures the API answers (Query.centrality, articulationPoints, communities, paths): a
 * projection read in one statement (src/graph/projection.ts), the algorithm run in process (src/analytics/), and
 * the answer cached by the graph's version and the parameters (src/store/graph-version.ts: every writer bumps it,
 * so a cached answer never outlives the graph it was computed from, on any replica). DEGREE is counted in Cypher
 * (src/graph/degree-centrality.ts) and needs no projection.
 *
 * A projection over more relationships than the cap is refused with LIMIT_EXCEEDED, which names the cap, its
 * setting and Neo4j Graph Data Science as the way to measure larger graphs (docs/analytics.md).
 */
import { AnalyticsCache, type CacheParameter } from '../analytics/analytics-cache.ts';
import { articulationPoints as findArticulationPoints } from '../analytics/articulation-points.ts';
import { centralityScores, rankScores, type CentralityMeasure } from '../analytics/centrality.ts';
import { louvainCommunities } from '../analytics/communities.ts';
import { kShortestPaths } from '../analytics/k-shortest-paths.ts';
import { toGraph, type ProjectionGraph } from '../analytics/projection.ts';
import type { QueryRunner } from '../db/query-runner.ts';
import { LimitExceededError } from '../errors.ts';
import { findDegrees } from '../graph/degree-centrality.ts';
import { readGraphVersion } from '../graph/graph-version.ts';
import { readProjection, type ProjectionSpec } from '../graph/projection.ts';

/** The most relationships a projection measured in process may have (ANALYTICS_MAX_RELATIONSHIPS). */
const DEFAULT_MAX_PROJECTION_RELATIONSHIPS = 50_000;
/** Answers kept per measure (least recently used go first). */
const CACHE_ENTRIES = 64;

export interface EntityScoreRow {
  entityId: string;
  score: number;
  rank: number;
}

export interface ArticulationRow {
  entityId: string;
  componentSizes: number[];
}

export interface CommunityRow {
  id: number;
  size: number;
  memberIds: string[];
}

export interface PathIds {
  nodes: string[];
  /** Each hop's relationship id and the entity it starts at (as stated, whichever way the path walks it). */
  relationships: Array<{ id: string; source: string }>;
}

/** One server's measures: the relationship cap and the caches (bounded, with hit and miss counts). */
export class ProjectionMeasures {
  readonly caches = {
    centrality: new AnalyticsCache<EntityScoreRow[]>(CACHE_ENTRIES),
    articulationPoints: new AnalyticsCache<ArticulationRow[]>(CACHE_ENTRIES),
    communities: new AnalyticsCache<CommunityRow[]>(CACHE_ENTRIES),
    paths: new AnalyticsCache<PathIds[]>(CACHE_ENTRIES),
  };

  constructor(readonly maxRelationships: number = DEFAULT_MAX_PROJECTION_RELATIONSHIPS) {}

  async centrality(
    runner: QueryRunner,
    measure: CentralityMeasure,
    spec: ProjectionSpec,
    first: number,
  ): Promise<EntityScoreRow[]> {
    if (measure === 'DEGREE') {
      const degrees = await findDegrees(runner, spec, first);
      return degrees.map((d, i) => ({ entityId: d.id, score: d.degree, rank: i + 1 }));
    }
    return this.cached(runner, this.caches.centrality, { measure, ...spec, first }, spec, (graph) =>
      rankScores(centralityScores(graph, measure), first).map((s) => ({
        entityId: s.id,
        score: s.score,
        rank: s.rank,
      })),
    );
  }

  async articulationPoints(runner: QueryRunner, spec: ProjectionSpec, first: number): Promise<ArticulationRow[]> {
    return this.cached(runner, this.caches.articulationPoints, { ...spec, first }, spec, (graph) =>
      findArticulationPoints(graph)
        .slice(0, first)
        .map((p) => ({ entityId: p.id, componentSizes: p.componentSizes })),
    );
  }

  async communities(runner: QueryRunner, spec: ProjectionSpec, seed: number, first: number): Promise<CommunityRow[]> {
    return this.cached(runner, this.caches.communities, { ...spec, seed, first }, spec, (graph) =>
      louvainCommunities(graph, seed)
        .slice(0, first)
        .map((c) => ({ id: c.id, size: c.members.length, memberIds: c.members })),
    );
  }

  async paths(
    runner: QueryRunner,
    from: string,
    to: string,
    options: { k: number; maxHops: number },
    spec: ProjectionSpec,
  ): Promise<PathIds[]> {
    return this.cached(runner, this.caches.paths, { from, to, ...options, ...spec }, spec, (graph) =>
      kShortestPaths(graph, from, to, options).map((path) => ({
        nodes: path.nodes,
        relationships: path.relationships.map((id) => ({ id, source: graph.source(id) })),
      })),
    );
  }

  /** The cached answer for (graph version, parameters), or `compute` over a freshly read projection. */
  private async cached<V>(
    runner: QueryRunner,
    cache: AnalyticsCache<V>,
    parameters: Record<string, unknown>,
    spec: ProjectionSpec,
    compute: (graph: ProjectionGraph) => V,
  ): Promise<V> {
    const version = await readGraphVersion(runner);
    const key = parameters as CacheParameter;
    const hit = cache.get(version, key);
    if (hit !== undefined) return hit;
    const { data, truncated } = await readProjection(runner, spec, this.maxRelationships);
    if (truncated) {
      throw new LimitExceededError(
        `The projection has more than ${this.maxRelationships} relationships, the most this server measures in ` +
          'process (ANALYTICS_MAX_RELATIONSHIPS): narrow its kinds or types, or run the measure on Neo4j Graph Data ' +
          'Science (docs/analytics.md)',
      );
    }
    const value = compute(toGraph(data));
    cache.set(version, key, value);
    return value;
  }
}

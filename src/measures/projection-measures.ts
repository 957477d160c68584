/**
 * Internal: the graph measures the API answers (Query.centrality, articulationPoints, communities, paths): a
 * projection read in one statement (src/graph/projection.ts), the algorithm run in process (src/analytics/), and
 * the answer cached by the graph's version and the parameters (src/store/graph-version.ts: every writer bumps it,
 * so a cached answer never outlives the graph it was computed from, on any replica). DEGREE is counted in Cypher
 * (src/graph/degree-centrality.ts) and needs no projection.
 *
 * Engines: a projection of at most the cap's relationships is measured in process. Above the cap, BETWEENNESS and
 * PAGERANK run on Neo4j Graph Data Science when the database has it (src/graph/gds-measures.ts: the same
 * definitions, rescaled to the same values); found once per server by a probe (src/graph/gds-availability.ts).
 * Everything else over the cap, and everything when GDS is absent, is refused with LIMIT_EXCEEDED, which names the
 * cap and its setting (docs/analytics.md). Articulation points stay in process because GDS 2.13 streams the points
 * without the parts a removal leaves; communities because GDS's Louvain is another algorithm with other answers.
 * Each GDS answer is logged with its engine and counted in `answersByEngine`.
 */
import { AnalyticsCache, type CacheParameter } from '../analytics/analytics-cache.ts';
import { articulationPoints as findArticulationPoints } from '../analytics/articulation-points.ts';
import { centralityScores, rankScores, type CentralityMeasure } from '../analytics/centrality.ts';
import { louvainCommunities } from '../analytics/communities.ts';
import { kShortestPaths } from '../analytics/k-shortest-paths.ts';
import { toGraph, type ProjectionGraph } from '../analytics/projection.ts';
import type { Logger } from 'pino';
import type { QueryRunner } from '../db/query-runner.ts';
import { LimitExceededError } from '../errors.ts';
import { findDegrees } from '../graph/degree-centrality.ts';
import { hasGraphDataScience } from '../graph/gds-availability.ts';
import { gdsCentrality } from '../graph/gds-measures.ts';
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

/** Where a measure was computed: in this process (src/analytics/) or on Neo4j Graph Data Science. */
export type MeasureEngine = 'in-process' | 'gds';

export interface ProjectionMeasuresOptions {
  /** Logs which engine answered a measure over the cap. */
  logger?: Logger;
  /** Whether a projection over the cap may go to GDS when the database has it (default true). */
  gds?: boolean;
}

/** One server's measures: the relationship cap, the engines and the caches (bounded, with hit and miss counts). */
export class ProjectionMeasures {
  readonly caches = {
    centrality: new AnalyticsCache<EntityScoreRow[]>(CACHE_ENTRIES),
    articulationPoints: new AnalyticsCache<ArticulationRow[]>(CACHE_ENTRIES),
    communities: new AnalyticsCache<CommunityRow[]>(CACHE_ENTRIES),
    paths: new AnalyticsCache<PathIds[]>(CACHE_ENTRIES),
  };

  /** Answers computed (not served from a cache) by each engine since the server started. */
  readonly answersByEngine: Record<MeasureEngine, number> = { 'in-process': 0, gds: 0 };

  /** The probe's answer once it succeeded; a failed probe is asked again next time. */
  private gdsAvailable: Promise<boolean> | undefined;

  constructor(
    readonly maxRelationships: number = DEFAULT_MAX_PROJECTION_RELATIONSHIPS,
    private readonly options: ProjectionMeasuresOptions = {},
  ) {}

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
    return this.cached(
      runner,
      this.caches.centrality,
      { measure, ...spec, first },
      spec,
      // graphology's betweenness throws on a graph with no node (a fixed stack of capacity 0).
      (graph) =>
        rankScores(graph.order === 0 ? new Map() : centralityScores(graph, measure), first).map((s) => ({
          entityId: s.id,
          score: s.score,
          rank: s.rank,
        })),
      async () => {
        const started = Date.now();
        const { scores, size } = await gdsCentrality(runner, measure, spec, first);
        this.options.logger?.info(
          { measure, engine: 'gds', entities: size.nodes, linkedPairs: size.pairs, ms: Date.now() - started },
          `graph measure ${measure} over the cap of ${this.maxRelationships} relationships: computed on Neo4j Graph Data Science`,
        );
        return scores.map((s, i) => ({ entityId: s.id, score: s.score, rank: i + 1 }));
      },
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

  /**
   * The cached answer for (graph version, parameters), or `compute` over a freshly read projection; over the cap,
   * `onGds` when it is given and the database has GDS, else LIMIT_EXCEEDED.
   */
  private async cached<V>(
    runner: QueryRunner,
    cache: AnalyticsCache<V>,
    parameters: Record<string, unknown>,
    spec: ProjectionSpec,
    compute: (graph: ProjectionGraph) => V,
    onGds?: () => Promise<V>,
  ): Promise<V> {
    const version = await readGraphVersion(runner);
    const key = parameters as CacheParameter;
    const hit = cache.get(version, key);
    if (hit !== undefined) return hit;
    const { data, truncated } = await readProjection(runner, spec, this.maxRelationships);
    if (truncated && onGds && (await this.hasGds(runner))) {
      const value = await onGds();
      this.answersByEngine.gds += 1;
      cache.set(version, key, value);
      return value;
    }
    if (truncated) {
      throw new LimitExceededError(
        `The projection has more than ${this.maxRelationships} relationships, the most this server measures in ` +
          'process (ANALYTICS_MAX_RELATIONSHIPS): narrow its kinds or types, or raise the cap. BETWEENNESS and ' +
          'PAGERANK over the cap run on Neo4j Graph Data Science when the database has it (docs/analytics.md)',
      );
    }
    const value = compute(toGraph(data));
    this.answersByEngine['in-process'] += 1;
    cache.set(version, key, value);
    return value;
  }

  /** Whether the database has GDS (and this server may use it): probed once, the first time it matters. */
  private async hasGds(runner: QueryRunner): Promise<boolean> {
    if (this.options.gds === false) return false;
    this.gdsAvailable ??= hasGraphDataScience(runner).then(
      (available) => {
        this.options.logger?.info(
          `Neo4j Graph Data Science: ${available ? 'available, measures over the cap run on it' : 'not installed'}`,
        );
        return available;
      },
      (error: unknown) => {
        this.gdsAvailable = undefined;
        throw error;
      },
    );
    return this.gdsAvailable;
  }
}

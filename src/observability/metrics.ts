/**
 * Internal: the server's Prometheus metrics (prom-client), one registry per server so tests can start several.
 *
 * Contract: `/metrics` serves `registry` in the Prometheus text format. Series:
 * - graphql_requests_total{operation,outcome} and graphql_request_duration_seconds{operation,outcome}: every
 *   GraphQL request by operation name ('anonymous' when unnamed) and outcome ('ok' or the first error's code);
 * - graphql_cost_rejections_total{code}: requests refused before execution for asking too much (LIMIT_EXCEEDED
 *   and any *COST* code);
 * - neo4j_statement_duration_seconds{operation,outcome}: each Cypher statement by the runner's operation name;
 * - neo4j_sessions_in_use, neo4j_pool_max_size: connections in use or waited for, against the pool's size;
 * - graphql_heavy_operations_limit, _running, _queued, graphql_heavy_operations_shed_total: admission by cost
 *   (src/limits/admission-control.ts): the adaptive limit, heavy operations running and waiting, and those shed;
 * - analytics_cache_entries{measure}, analytics_cache_hits{measure}, analytics_cache_misses{measure}: the bounded
 *   caches of the graph measures (src/measures/projection-measures.ts);
 * - cost_estimate_cache_entries, cost_estimate_cache_hits, cost_estimate_cache_misses: the bounded cache of
 *   operations' cost estimates (src/limits/cost-estimate-cache.ts);
 * - the process defaults (RSS, heap, event-loop lag, GC) with the prefix kg_.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { QueryObserver } from '../db/query-runner.ts';

export interface Metrics {
  registry: Registry;
  /** Records one finished GraphQL request. */
  recordRequest(operation: string, outcome: string, durationSeconds: number): void;
  /** Attach to the query runner (QueryRunner.observe). */
  queryObserver: QueryObserver;
  /** Counts one request refused by the per-client rate limit (src/rate-limit.ts). */
  recordRateLimited(): void;
}

const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Codes that mean "refused for asking too much": counted as cost rejections. */
function isCostRejection(code: string): boolean {
  return code === 'LIMIT_EXCEEDED' || /COST/.test(code);
}

/** What a bounded cache reports (src/analytics/analytics-cache.ts). */
/** Admission by cost now (src/limits/admission-control.ts AdmissionLoad). */
interface AdmissionLoadView {
  limit: number;
  running: number;
  queued: number;
  shed: number;
}

interface CacheStats {
  size: number;
  hits: number;
  misses: number;
}

export function createMetrics(
  options: {
    maxPoolSize?: number;
    admissionLoad?: () => AdmissionLoadView;
    /** Subscriptions open over WebSocket in this process. */
    openSubscriptions?: () => number;
    analyticsCaches?: Record<string, CacheStats>;
    costEstimates?: CacheStats;
  } = {},
): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'kg_' });

  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok or the first error code).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const requestDuration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation name and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const costRejections = new Counter({
    name: 'graphql_cost_rejections_total',
    help: 'GraphQL requests refused for exceeding a request limit or cost budget, by error code.',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'http_rate_limited_total',
    help: 'Requests to /graphql and /export refused with 429 by the per-client rate limit.',
    registers: [registry],
  });
  const statementDuration = new Histogram({
    name: 'neo4j_statement_duration_seconds',
    help: 'Cypher statement latency by operation (the query runner operation name) and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const sessionsInUse = new Gauge({
    name: 'neo4j_sessions_in_use',
    help: 'Neo4j sessions open now: each holds or waits for one pooled connection.',
    registers: [registry],
  });
  if (options.maxPoolSize !== undefined) {
    new Gauge({
      name: 'neo4j_pool_max_size',
      help: 'The driver connection pool size (NEO4J_MAX_POOL_SIZE).',
      registers: [registry],
    }).set(options.maxPoolSize);
  }

  const admissionLoad = options.admissionLoad;
  if (admissionLoad) {
    const gauge = (name: string, help: string, read: (load: AdmissionLoadView) => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read(admissionLoad()));
        },
      });
    gauge(
      'graphql_heavy_operations_limit',
      'Heavy operations (estimated cost from HEAVY_COST_THRESHOLD) allowed at once: the adaptive limit.',
      (load) => load.limit,
    );
    gauge('graphql_heavy_operations_running', 'Heavy operations running now.', (load) => load.running);
    gauge('graphql_heavy_operations_queued', 'Heavy operations waiting for a place.', (load) => load.queued);
    new Counter({
      name: 'graphql_heavy_operations_shed_total',
      help: 'Heavy operations answered SERVER_BUSY: their estimated wait exceeded their time budget.',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(admissionLoad().shed);
      },
    });
  }

  const openSubscriptions = options.openSubscriptions;
  if (openSubscriptions) {
    new Gauge({
      name: 'graphql_subscriptions_open',
      help: 'Subscriptions open over WebSocket in this process (one poll of the audit log serves them all).',
      registers: [registry],
      collect() {
        this.set(openSubscriptions());
      },
    });
  }

  const costEstimates = options.costEstimates;
  if (costEstimates) {
    const costGauge = (name: string, help: string, read: (stats: CacheStats) => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read(costEstimates));
        },
      });
    costGauge('cost_estimate_cache_entries', 'Operations whose cost estimate is cached (bounded).', (s) => s.size);
    costGauge('cost_estimate_cache_hits', 'Cost estimates served from the cache, since start.', (s) => s.hits);
    costGauge('cost_estimate_cache_misses', 'Cost estimates computed, since start.', (s) => s.misses);
  }

  const caches = options.analyticsCaches;
  if (caches) {
    const cacheGauge = (name: string, help: string, read: (stats: CacheStats) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['measure'] as const,
        registers: [registry],
        collect() {
          for (const [measure, stats] of Object.entries(caches)) this.set({ measure }, read(stats));
        },
      });
    cacheGauge('analytics_cache_entries', 'Answers held by each graph-measure cache (bounded).', (s) => s.size);
    cacheGauge('analytics_cache_hits', 'Graph-measure answers served from the cache, since start.', (s) => s.hits);
    cacheGauge('analytics_cache_misses', 'Graph-measure answers computed, since start.', (s) => s.misses);
  }

  /** Bounded by the label sets: operation names (capped by the operation plugin) times error codes. */
  const requestSeries = new Map<
    string,
    { count: ReturnType<typeof requests.labels>; duration: ReturnType<typeof requestDuration.labels> }
  >();

  return {
    registry,
    recordRateLimited: () => rateLimited.inc(),
    recordRequest(operation, outcome, durationSeconds) {
      // The series of one label pair, looked up once: prom-client hashes the labels on every call otherwise.
      const key = `${operation}\n${outcome}`;
      let series = requestSeries.get(key);
      if (series === undefined) {
        const labels = { operation, outcome };
        series = { count: requests.labels(labels), duration: requestDuration.labels(labels) };
        requestSeries.set(key, series);
      }
      series.count.inc();
      series.duration.observe(durationSeconds);
      if (isCostRejection(outcome)) costRejections.inc({ code: outcome });
    },
    queryObserver: {
      statementStarted(operation) {
        const end = statementDuration.startTimer({ operation });
        return (error) => end({ outcome: error === undefined ? 'ok' : 'error' });
      },
      sessionsChanged(delta) {
        sessionsInUse.inc(delta);
      },
    },
  };
}

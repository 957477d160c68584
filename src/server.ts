/**
 * Internal: the HTTP server: GraphQL (Apollo Server on Express), health endpoints, and the routes other
 * capabilities add. startServer builds it and listens on the given host and port; it does not open the database
 * (main.ts and the tests do, and pass the runner in).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { Tracer } from '@opentelemetry/api';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { ApiKey } from './config.ts';
import { createContext, type RequestContext } from './context.ts';
import type { RequestBookmarks } from './db/request-bookmarks.ts';
import { authenticateCurator, type WriteAccess } from './curation/authenticate-curator.ts';
import type { QueryRunner } from './db/query-runner.ts';
import { ErrorCode } from './errors.ts';
import { createExplorerRouter } from './explorer-page/explorer-route.ts';
import { createExportRouter } from './export/export-route.ts';
import { createFormatError } from './format-error.ts';
import { createMetrics } from './observability/metrics.ts';
import { createOperationPlugin } from './observability/operation-plugin.ts';
import { enterRequestScope, requestIdMiddleware, requestScopedLogger } from './observability/request-scope.ts';
import { tracingObserver, traceRequests } from './observability/tracing.ts';
import { createPlaygroundRouter, PLAYGROUND_PATH } from './playground/graphiql-route.ts';
import { costLimitPlugin } from './limits/cost-limit-plugin.ts';
import { AdmissionControl } from './limits/admission-control.ts';
import { admissionPlugin } from './limits/admission-plugin.ts';
import { CostEstimateCache } from './limits/cost-estimate-cache.ts';
import { RequestBudget } from './limits/request-budget.ts';
import { cappedStringify } from './limits/response-size-cap.ts';
import { DEFAULT_REQUEST_LIMITS, MAX_TOKENS, requestLimitRules, type RequestLimits } from './request-limits.ts';
import { createResolvers } from './resolvers/index.ts';
import { loadTypeDefs } from './api-schema.ts';
import { POSSIBLE_TYPES_PATH, possibleTypesOf } from './possible-types.ts';
import { clientOf, createRateLimitStore, rateLimitMiddleware, type RateLimitOptions } from './rate-limit.ts';
import { bookmarkPlugin, readBookmarkHeader, requestBookmarksOf } from './read-your-writes.ts';
import { crossOriginMiddleware, refusedWriteOrigin, securityHeaders, type CorsOrigins } from './cross-origin.ts';
import { ProjectionMeasures } from './measures/projection-measures.ts';
import { VOCABULARY, type Vocabulary } from './model/vocabulary.ts';
import { ChangeFeed, type ChangeFeedOptions } from './subscriptions/change-feed.ts';
import { attachSubscriptionServer, DEFAULT_MAX_SUBSCRIPTIONS_PER_CLIENT } from './subscriptions/subscription-server.ts';

export const GRAPHQL_PATH = '/graphql';
export { EXPLORER_PATH } from './explorer-page/explorer-route.ts';
export const METRICS_PATH = '/metrics';
/** How long a shutdown waits for requests in flight: longer than a query's timeout plus a pool wait. */
const DRAIN_GRACE_MS = 30_000;
export { PLAYGROUND_PATH };

export interface ServerDependencies {
  runner: QueryRunner;
  /** Resolves when the database answers; used by /health/ready. */
  pingDatabase: () => Promise<void>;
  logger: Logger;
  /** Development shows internal error messages to clients; production masks them. */
  development: boolean;
  /** The knowledge model to serve; this server's own (src/model/vocabulary.ts) unless a test extends it. */
  vocabulary?: Vocabulary;
  /** Seconds a CDN or browser may keep a GET query's answer (Cache-Control max-age); 0: no-store. */
  getCacheMaxAgeSeconds?: number;
  /** Which browser origins may call the API; `*` (reads from anywhere, writes from no other origin) by default. */
  corsOrigins?: CorsOrigins;
  /** The graph measures' relationship cap and caches; defaults when omitted. */
  measures?: ProjectionMeasures;
  /** Cost, time, statement, size and concurrency limits per request (defaults when omitted); 'off' for benchmarks. */
  limits?: RequestLimits | 'off';
  /** OpenTelemetry tracer when tracing is on (src/observability/tracing.ts); no spans when absent. */
  tracer?: Tracer;
  /** The driver pool size, exported as a metric beside the sessions in use. */
  maxPoolSize?: number;
  /** The API keys that may write (curated writes); none: a read-only deployment. */
  apiKeys?: readonly ApiKey[];
  /** Per-client request limits on /graphql and /export (src/rate-limit.ts); none when omitted. */
  rateLimit?: RateLimitOptions;
  /** Reverse proxies trusted for the client's address (Express `trust proxy`); 0 when omitted. */
  trustProxy?: number;
  /** The change feed's poll interval and the subscriptions one client may keep open (src/subscriptions/). */
  subscriptions?: Partial<ChangeFeedOptions> & { maxPerClient?: number };
}

export interface RunningServer {
  url: string;
  /** Drains open HTTP requests, then stops Apollo. */
  stop(): Promise<void>;
}

export async function startServer(deps: ServerDependencies, host: string, port: number): Promise<RunningServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const limits = deps.limits === 'off' ? undefined : (deps.limits ?? DEFAULT_REQUEST_LIMITS);
  const resolvers = createResolvers(deps.vocabulary);
  const typeDefs = loadTypeDefs(deps.vocabulary);
  const measures = deps.measures ?? new ProjectionMeasures(undefined, { logger: deps.logger });
  /** A request's write access: refused for pages of other origins not listed, else decided by its API key. */
  const writeAccessOf = (req: Request): WriteAccess => {
    const origin = refusedWriteOrigin(req, deps.corsOrigins ?? '*');
    return origin === null
      ? authenticateCurator(req.headers.authorization, deps.apiKeys ?? [])
      : { kind: 'foreign-origin', origin };
  };
  const admission = limits ? new AdmissionControl(limits) : undefined;
  const costEstimates = new CostEstimateCache();
  const metrics = createMetrics({
    ...(deps.maxPoolSize !== undefined ? { maxPoolSize: deps.maxPoolSize } : {}),
    ...(admission ? { admissionLoad: () => admission.load } : {}),
    openSubscriptions: () => subscriptions.size,
    analyticsCaches: measures.caches,
    costEstimates,
  });
  const unobserve = [deps.runner.observe?.(metrics.queryObserver)];
  if (deps.tracer) unobserve.push(deps.runner.observe?.(tracingObserver(deps.tracer)));
  const logger = requestScopedLogger(deps.logger);
  const schema = makeExecutableSchema({
    typeDefs,
    resolvers,
  });
  const formatError = createFormatError(logger, deps.development);
  // One count per client for HTTP and WebSocket alike (in Redis when configured).
  const rateLimitStore = deps.rateLimit ? createRateLimitStore(deps.rateLimit) : undefined;
  await rateLimitStore?.ready;
  /**
   * A request's context; `client` (src/rate-limit.ts clientOf) is its turn in the admission queue, `bookmarks` what
   * its statements wait for (src/read-your-writes.ts).
   */
  const newContext = (writeAccess?: WriteAccess, client?: string, bookmarks?: RequestBookmarks) =>
    createContext(
      deps.runner,
      deps.vocabulary ?? VOCABULARY,
      limits ? new RequestBudget(limits, undefined, client) : undefined,
      writeAccess,
      measures,
      bookmarks,
    );
  // Subscriptions over WebSocket on GRAPHQL_PATH, fed from the audit log (src/subscriptions/); drained first.
  const subscriptions = attachSubscriptionServer(httpServer, {
    path: GRAPHQL_PATH,
    schema,
    app,
    changeFeed: new ChangeFeed(deps.runner, deps.vocabulary ?? VOCABULARY, deps.logger, deps.subscriptions),
    newContext,
    formatError,
    corsOrigins: deps.corsOrigins ?? '*',
    ...(limits ? { costBudget: limits.costBudget } : {}),
    ...(deps.rateLimit && rateLimitStore
      ? {
          rateLimit: {
            options: deps.rateLimit,
            limiter: rateLimitStore.limiter,
            onLimited: () => metrics.recordRateLimited(),
          },
        }
      : {}),
    maxPerClient: deps.subscriptions?.maxPerClient ?? DEFAULT_MAX_SUBSCRIPTIONS_PER_CLIENT,
  });
  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // Public reads (writes need an API key): the schema is documentation (GraphiQL needs it), also in production.
    introspection: true,
    // Apollo validates a document once and keeps it in its document store (an LRU keyed by the query's hash), so
    // these rules run once per distinct document, not per request.
    validationRules: requestLimitRules,
    parseOptions: { maxTokens: MAX_TOKENS },
    // Each result serialized once, compactly, and held to the response size cap.
    ...(limits ? { stringifyResult: cappedStringify(limits.maxResponseBytes) } : {}),
    plugins: [
      { serverWillStart: async () => ({ drainServer: () => subscriptions.drain() }) },
      // Requests in flight at shutdown get up to DRAIN_GRACE_MS to finish (Apollo's default is 10 s).
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: DRAIN_GRACE_MS }),
      ApolloServerPluginLandingPageDisabled(),
      // No field has a cache hint, and the plugin would wrap every field's resolution to collect them.
      ApolloServerPluginCacheControlDisabled(),
      createOperationPlugin(metrics, { getMaxAgeSeconds: deps.getCacheMaxAgeSeconds ?? 60 }),
      bookmarkPlugin(),
      ...(limits && admission
        ? [
            costLimitPlugin(limits.costBudget, costEstimates),
            admissionPlugin(admission, limits.costBudget, costEstimates),
          ]
        : []),
    ],
  });
  await apollo.start();

  const corsOrigins = deps.corsOrigins ?? '*';
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? 0);
  app.use(securityHeaders());
  app.use([GRAPHQL_PATH, '/export'], crossOriginMiddleware(corsOrigins));
  if (deps.rateLimit && rateLimitStore) {
    app.use(
      [GRAPHQL_PATH, '/export'],
      rateLimitMiddleware(deps.rateLimit, rateLimitStore.limiter, () => metrics.recordRateLimited()),
    );
  }
  app.use(requestIdMiddleware(deps.logger));
  // GraphQL first: most requests are queries, and each route before it is a match tried for every one.
  app.use(
    GRAPHQL_PATH,
    express.json({ limit: '1mb' }),
    readBookmarkHeader(),
    enterRequestScope(),
    ...(deps.tracer ? [traceRequests(deps.tracer)] : []),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => newContext(writeAccessOf(req), clientOf(req), requestBookmarksOf(res)),
    }),
  );

  app.get(METRICS_PATH, (_req, res, next) => {
    metrics.registry.metrics().then((text) => res.type(metrics.registry.contentType).send(text), next);
  });

  const possibleTypes = possibleTypesOf(typeDefs);
  app.get(POSSIBLE_TYPES_PATH, (_req, res) => {
    res.set('cache-control', 'public, max-age=300').json(possibleTypes);
  });
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', (_req, res) => {
    deps.pingDatabase().then(
      () => res.json({ status: 'ok', database: 'up' }),
      () => res.status(503).json({ status: 'unavailable', database: 'down' }),
    );
  });
  app.use(createPlaygroundRouter(GRAPHQL_PATH));
  app.use(
    createExportRouter(deps.runner, {
      vocabulary: deps.vocabulary ?? VOCABULARY,
      schema,
      measures,
      ...(limits && admission ? { limits: { requestLimits: limits, admission } } : {}),
    }),
  );
  app.use(createExplorerRouter());
  app.get('/', (_req, res) => {
    res.redirect(PLAYGROUND_PATH);
  });
  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: ErrorCode.NOT_FOUND } }] });
  });
  // Errors outside GraphQL (a body that is not JSON, a failing route) get the same JSON shape, never a stack.
  app.use((error: HttpError, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error }, 'unexpected error outside GraphQL');
    const [message, code] =
      status === 500 ? ['Internal server error', ErrorCode.INTERNAL_SERVER_ERROR] : clientError(error);
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '127.0.0.1' || host === '::' ? 'localhost' : host;

  return {
    url: `http://${shownHost}:${address.port}`,
    stop: async () => {
      await apollo.stop();
      await rateLimitStore?.close();
      for (const remove of unobserve) remove?.();
    },
  };
}

/** An error raised by Express or its body parser: an HTTP status and, from body-parser, a type and a limit. */
interface HttpError {
  status?: number;
  type?: string;
  limit?: number;
}

/** What a client did wrong, in words, for the errors that Express raises before GraphQL sees the request. */
function clientError(error: HttpError): [string, ErrorCode] {
  switch (error.type) {
    case 'entity.too.large':
      return [
        `The request body is larger than the limit of ${error.limit ?? 'the server'} bytes`,
        ErrorCode.BAD_REQUEST,
      ];
    case 'entity.parse.failed':
      return ['The request body is not valid JSON', ErrorCode.BAD_REQUEST];
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return [
        'The request body has an encoding or charset the server does not read (use UTF-8)',
        ErrorCode.BAD_REQUEST,
      ];
    default:
      return [`Bad request (HTTP ${error.status ?? 400})`, ErrorCode.BAD_REQUEST];
  }
}

/**
 * Internal: the Apollo plugin that observes every GraphQL operation.
 *
 * Contract: records the operation (its name, 'anonymous' when unnamed, 'other' beyond the first
 * MAX_OPERATION_NAMES distinct names, so clients cannot blow up the label set) and its outcome ('ok' or the first
 * error's code) in the metrics, the access log line and the trace span. A response whose errors are all
 * DATABASE_UNAVAILABLE gets HTTP 503 with Retry-After: the database, not the request, is at fault. A GraphQL
 * request error (parse, validation, variable coercion, request limits) is 400 for clients that accept
 * application/graphql-response+json and 200 for application/json ones, as GraphQL over HTTP asks.
 *
 * Caching: a query answered without errors over GET (which Apollo serves for queries only, never mutations) is
 * `Cache-Control: public, max-age=<getMaxAgeSeconds>`, so a CDN or the browser may keep it (Express adds the ETag,
 * and a conditional GET gets 304); a GET with an Authorization header is `no-store`, as is every POST answer and
 * every answer with errors.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../errors.ts';
import type { Metrics } from './metrics.ts';
import { currentRequest } from './request-scope.ts';
import { annotateRequestSpan } from './tracing.ts';

const MAX_OPERATION_NAMES = 200;
const RETRY_AFTER_SECONDS = '5';
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

function acceptsGraphqlResponseJson(http: { headers: Map<string, string> } | undefined): boolean {
  return http?.headers.get('accept')?.includes(GRAPHQL_RESPONSE_JSON) ?? false;
}

export function createOperationPlugin(
  metrics: Metrics,
  options: { getMaxAgeSeconds?: number } = {},
): ApolloServerPlugin {
  const getMaxAgeSeconds = options.getMaxAgeSeconds ?? 60;
  const seenNames = new Set<string>();

  function labelFor(name: string | null | undefined): string {
    if (!name || !OPERATION_NAME.test(name)) return 'anonymous';
    if (seenNames.has(name)) return name;
    if (seenNames.size >= MAX_OPERATION_NAMES) return 'other';
    seenNames.add(name);
    return name;
  }

  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse(requestContext) {
          const { response } = requestContext;
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = errors.map((error) => String(error.extensions?.['code'] ?? ErrorCode.INTERNAL_SERVER_ERROR));
          if (codes.length > 0 && codes.every((code) => code === ErrorCode.DATABASE_UNAVAILABLE)) {
            response.http.status = 503;
            response.http.headers.set('retry-after', RETRY_AFTER_SECONDS);
          } else if (
            response.http.status === 500 &&
            codes.length > 0 &&
            codes.every((code) => code === ErrorCode.BAD_USER_INPUT || code === ErrorCode.BAD_REQUEST)
          ) {
            // A client mistake graphql-js or Apollo raised without a status (src/format-error.ts names it).
            response.http.status = acceptsGraphqlResponseJson(requestContext.request.http) ? 400 : 200;
          } else if (response.http.status === 400 && !acceptsGraphqlResponseJson(requestContext.request.http)) {
            // A GraphQL request error (parse, validation, variables): GraphQL over HTTP asks for 200 with
            // application/json (legacy clients read the errors from the body), 4xx only with
            // application/graphql-response+json. Apollo answers 400 for both.
            response.http.status = 200;
          }
          const http = requestContext.request.http;
          const publicRead =
            http?.method === 'GET' && errors.length === 0 && !http.headers.has('authorization') && getMaxAgeSeconds > 0;
          response.http.headers.set('cache-control', publicRead ? `public, max-age=${getMaxAgeSeconds}` : 'no-store');
          const operation = labelFor(requestContext.operationName ?? requestContext.request.operationName);
          const outcome = codes[0] ?? 'ok';
          metrics.recordRequest(operation, outcome, (performance.now() - started) / 1000);
          const scope = currentRequest();
          if (scope) {
            scope.operation = operation;
            scope.outcome = outcome;
          }
          annotateRequestSpan(operation, outcome);
        },
      };
    },
  };
}

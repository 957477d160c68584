/**
 * Internal: GraphQL subscriptions over WebSocket (the GraphQL over WebSocket protocol, graphql-ws on ws), on the
 * same HTTP server and path as queries. Only subscriptions are served this way; queries and mutations stay on HTTP,
 * where their own limits and write checks apply.
 *
 * Every door, the same limits: a connection is refused (HTTP 403) for a page of an origin that may not read
 * (CORS_ORIGINS), and counts as one request against its client's rate limit (HTTP 429 with Retry-After); an
 * operation passes the parser's token limit, the validation rules of HTTP requests and the cost budget; a client
 * keeps at most `maxPerClient` subscriptions open in this process (LIMIT_EXCEEDED). Each event is executed with a
 * fresh context and budget, like a request. Errors are formatted as HTTP's are (src/format-error.ts).
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import type { Express, Request } from 'express';
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { WebSocketServer } from 'ws';
import type { RequestContext } from '../context.ts';
import { refusedWriteOrigin, type CorsOrigins } from '../cross-origin.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { estimateCost } from '../limits/cost-model.ts';
import { clientOf, countRequest, rateLimitedMessage, type RateLimitOptions } from '../rate-limit.ts';
import { MAX_TOKENS, requestLimitRules } from '../request-limits.ts';
import type { ChangeFeed } from './change-feed.ts';

/** Subscriptions one client may keep open at once in one process. */
export const DEFAULT_MAX_SUBSCRIPTIONS_PER_CLIENT = 20;
/** Bytes of one message a client may send (a subscribe message is a query and its variables). */
const MAX_MESSAGE_BYTES = 64 * 1024;

export interface SubscriptionServerOptions {
  path: string;
  schema: GraphQLSchema;
  /** The Express app, whose request methods (`ip` under `trust proxy`, `protocol`) read the upgrade request. */
  app: Express;
  changeFeed: ChangeFeed;
  /** A fresh context, with a fresh budget, for a subscription and for each of its events. */
  newContext: () => RequestContext;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  corsOrigins: CorsOrigins;
  /** The operation's highest estimated cost; none: no cost limit. */
  costBudget?: number;
  /** The per-client request limit and its count, shared with HTTP. */
  rateLimit?: { options: RateLimitOptions; limiter: RateLimiterAbstract; onLimited: () => void };
  maxPerClient: number;
}

export interface SubscriptionServer {
  /** Subscriptions the change feed of this process serves. */
  readonly size: number;
  /** Closes every connection (code 1001) and stops the feed; run before the HTTP server drains. */
  drain(): Promise<void>;
}

export function attachSubscriptionServer(
  httpServer: http.Server,
  options: SubscriptionServerOptions,
): SubscriptionServer {
  const { schema, app, changeFeed, newContext, formatError } = options;
  const webSocketServer = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  /** Open subscriptions per client, and the ids each connection holds (so a closed one gives its count back). */
  const openPerClient = new Map<string, number>();
  const idsOfConnection = new WeakMap<object, Set<string>>();

  const release = (socket: object, client: string, id: string) => {
    if (!idsOfConnection.get(socket)?.delete(id)) return;
    const left = (openPerClient.get(client) ?? 1) - 1;
    if (left === 0) openPerClient.delete(client);
    else openPerClient.set(client, left);
  };

  httpServer.on('upgrade', (raw: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    // Read the upgrade request as Express reads requests: `ip` honours `trust proxy`, `protocol` and `get` work.
    const req = Object.setPrototypeOf(raw, app.request) as Request;
    const pathname = new URL(raw.url ?? '/', 'http://localhost').pathname;
    if (pathname !== options.path) {
      refuseUpgrade(socket, 404, 'Not Found');
      return;
    }
    if (options.corsOrigins !== '*' && refusedWriteOrigin(req, options.corsOrigins) !== null) {
      refuseUpgrade(socket, 403, 'Forbidden');
      return;
    }
    const counted = options.rateLimit
      ? countRequest(req, options.rateLimit.options, options.rateLimit.limiter)
      : Promise.resolve(null);
    counted.then(
      (retryAfterSeconds) => {
        if (retryAfterSeconds !== null && options.rateLimit) {
          options.rateLimit.onLimited();
          refuseUpgrade(socket, 429, 'Too Many Requests', {
            'retry-after': String(retryAfterSeconds),
            'x-error': rateLimitedMessage(options.rateLimit.options, retryAfterSeconds),
          });
          return;
        }
        webSocketServer.handleUpgrade(raw, socket, head, (webSocket) => {
          webSocketServer.emit('connection', webSocket, raw);
        });
      },
      () => socket.destroy(),
    );
  });

  const format = (errors: readonly GraphQLError[]) => errors.map((error) => formatError(error.toJSON(), error));
  const server = useServer(
    {
      schema,
      onSubscribe: (ctx, id, payload) => {
        const request = ctx.extra.request as Request;
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: MAX_TOKENS });
        } catch (error) {
          return [coded(error as GraphQLError, ApolloServerErrorCode.GRAPHQL_PARSE_FAILED)];
        }
        const invalid = validate(schema, document, [...specifiedRules, ...requestLimitRules]);
        if (invalid.length > 0) {
          return invalid.map((error) => coded(error, ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED));
        }
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) {
          return [new AppError(ErrorCode.BAD_REQUEST, 'The document names no operation to run (operationName)')];
        }
        if (operation.operation !== 'subscription') {
          return [
            new AppError(
              ErrorCode.BAD_REQUEST,
              `Only subscriptions are served over WebSocket; send a ${operation.operation} to POST ${options.path}`,
            ),
          ];
        }
        const variableValues = payload.variables ?? {};
        // As Apollo does on HTTP: variables that do not fit the operation are the client's mistake, named.
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variableValues);
        if (coerced.errors) {
          return coerced.errors.map((error) => coded(error, ApolloServerErrorCode.BAD_USER_INPUT));
        }
        if (options.costBudget !== undefined) {
          let cost: number;
          try {
            cost = estimateCost(schema, document, variableValues, payload.operationName ?? undefined);
          } catch (error) {
            // Variables that do not fit the operation: execution refuses them, naming the variable. Anything
            // else (more fields than the estimator counts) is over any budget.
            cost = /^Variable "\$/.test(error instanceof Error ? error.message : '') ? 0 : Infinity;
          }
          if (cost > options.costBudget) {
            return [
              new AppError(
                ErrorCode.LIMIT_EXCEEDED,
                `The operation's estimated cost is ${cost}, over the budget of ${options.costBudget}; ask for less.`,
                { cost, budget: options.costBudget },
              ),
            ];
          }
        }
        const client = clientOf(request);
        const opened = openPerClient.get(client) ?? 0;
        if (opened >= options.maxPerClient) {
          return [
            new AppError(
              ErrorCode.LIMIT_EXCEEDED,
              `At most ${options.maxPerClient} subscriptions may be open at once from one client; complete one first`,
              { limit: options.maxPerClient },
            ),
          ];
        }
        openPerClient.set(client, opened + 1);
        const ids = idsOfConnection.get(ctx.extra.socket) ?? new Set<string>();
        idsOfConnection.set(ctx.extra.socket, ids.add(id));
        const args: ExecutionArgs = {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues,
          contextValue: Object.assign(newContext(), { changeFeed }),
        };
        return args;
      },
      subscribe: (args) => subscribeWithFreshContexts(args, newContext),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onComplete: (ctx, id) => release(ctx.extra.socket, clientOf(ctx.extra.request as Request), id),
      onClose: (ctx) => {
        const client = clientOf(ctx.extra.request as Request);
        for (const id of [...(idsOfConnection.get(ctx.extra.socket) ?? [])]) release(ctx.extra.socket, client, id);
      },
    },
    webSocketServer,
  );

  return {
    get size() {
      return changeFeed.size;
    },
    async drain() {
      changeFeed.stop();
      await server.dispose();
    },
  };
}

/** A parse or validation error with the code Apollo gives it over HTTP, its cause kept (a limit rule's error). */
function coded(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    ...(error.source && error.positions ? { source: error.source, positions: error.positions } : {}),
    originalError: error,
    extensions: { code },
  });
}

function refuseUpgrade(socket: Duplex, status: number, reason: string, headers: Record<string, string> = {}): void {
  const lines = [`HTTP/1.1 ${status} ${reason}`, 'connection: close', 'content-length: 0'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  socket.end(`${lines.join('\r\n')}\r\n\r\n`);
}

/**
 * graphql-js's subscribe, with a fresh context for each event (graphql-js reuses the subscription's): each event is
 * executed like a request, with new loaders and a budget of its own.
 */
async function subscribeWithFreshContexts(
  args: ExecutionArgs,
  newContext: () => RequestContext,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream;
  const source = stream[Symbol.asyncIterator]();
  const subscriptionContext = args.contextValue as RequestContext;
  const results: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const event = await source.next();
      if (event.done) return { done: true, value: undefined };
      const contextValue = Object.assign(newContext(), { changeFeed: subscriptionContext.changeFeed });
      return { done: false, value: await execute({ ...args, rootValue: event.value, contextValue }) };
    },
    async return() {
      await source.return?.();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return results;
    },
  };
  return results;
}

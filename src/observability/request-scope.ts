/**
 * Internal: the request id and the per-request logger.
 *
 * Contract: every HTTP response carries `x-request-id`: the client's own when it sent a sane one (1-128 of
 * letters, digits and `._:-`), otherwise a new UUID. Every log line written while a GraphQL request runs carries
 * `requestId` (the logger from requestScopedLogger looks the current request up in AsyncLocalStorage), and each
 * request ends with one access line (method, path, status, duration, and for GraphQL the operation and outcome).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';

const REQUEST_ID_HEADER = 'x-request-id';
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface RequestScope {
  requestId: string;
  logger: Logger;
  /** Set by the GraphQL operation plugin for the access line. */
  operation?: string;
  outcome?: string;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** The request running now, if any. */
export function currentRequest(): RequestScope | undefined {
  return scopes.getStore();
}

/** First middleware: assigns the id, returns it in the header, and logs the access line when the response ends. */
export function requestIdMiddleware(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.get(REQUEST_ID_HEADER);
    const requestId = incoming !== undefined && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const scope: RequestScope = { requestId, logger: logger.child({ requestId }) };
    res.locals['requestScope'] = scope;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = performance.now();
    // Read now: mounted routers rewrite req.url while they run.
    const requestPath = req.path;
    res.once('finish', () => {
      scope.logger.info(
        {
          method: req.method,
          path: requestPath,
          status: res.statusCode,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          ...(scope.operation !== undefined ? { operation: scope.operation, outcome: scope.outcome } : {}),
        },
        'request',
      );
    });
    scopes.run(scope, next);
  };
}

/**
 * Re-enters the request's scope; put it after body parsing (stream callbacks lose AsyncLocalStorage context).
 */
export function enterRequestScope(): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    const scope = res.locals['requestScope'] as RequestScope | undefined;
    if (scope === undefined) return next();
    scopes.run(scope, next);
  };
}

/** A logger that writes through the current request's child logger (with requestId), or `base` outside one. */
export function requestScopedLogger(base: Logger): Logger {
  return new Proxy(base, {
    get(target, property) {
      const logger = scopes.getStore()?.logger ?? target;
      const value: unknown = Reflect.get(logger, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(logger) : value;
    },
  });
}

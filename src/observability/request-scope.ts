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
  /** The base logger's child with `requestId`, made when first asked for (most requests log nothing). */
  readonly logger: Logger;
  /** Set by the GraphQL operation plugin for the access line. */
  operation?: string;
  outcome?: string;
}

class Scope implements RequestScope {
  #logger: Logger | undefined;
  operation?: string;
  outcome?: string;

  constructor(
    readonly requestId: string,
    private readonly base: Logger,
  ) {}

  get logger(): Logger {
    this.#logger ??= this.base.child({ requestId: this.requestId });
    return this.#logger;
  }
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** The request running now, if any. */
export function currentRequest(): RequestScope | undefined {
  return scopes.getStore();
}

/**
 * First middleware: assigns the id, returns it in the header, and logs the access line when the response ends (when
 * the level lets `info` lines through; otherwise the request pays for no line and no child logger).
 */
export function requestIdMiddleware(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.get(REQUEST_ID_HEADER);
    const requestId = incoming !== undefined && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const scope = new Scope(requestId, logger);
    res.locals['requestScope'] = scope;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    if (logger.isLevelEnabled('info')) logAccess(req, res, scope);
    scopes.run(scope, next);
  };
}

/** The access line of one request, written when its response has been sent. */
function logAccess(req: Request, res: Response, scope: RequestScope): void {
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

/**
 * A logger that writes through the current request's child logger (with requestId), or `base` outside one. A call at
 * a level that is off goes to `base` (a no-op there too), so it makes no child logger.
 */
export function requestScopedLogger(base: Logger): Logger {
  const levelOff = (property: string | symbol): boolean =>
    typeof property === 'string' && property in base.levels.values && !base.isLevelEnabled(property);
  return new Proxy(base, {
    get(target, property) {
      const scope = scopes.getStore();
      const logger = scope === undefined || levelOff(property) ? target : scope.logger;
      const value: unknown = Reflect.get(logger, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(logger) : value;
    },
  });
}

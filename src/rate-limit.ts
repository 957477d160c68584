/**
 * Internal: per-client rate limits on the doors that read the graph (/graphql, /export, and each WebSocket
 * connection for subscriptions, as one request), with rate-limiter-flexible (in memory: one server's count; its
 * Redis and other stores hold one count across replicas).
 *
 * A client is its API key (the SHA-256 digest of the Authorization header, so keys are never held) or else its
 * address (`req.ip`: behind a reverse proxy, set TRUST_PROXY so it is the client's, not the proxy's). Over the limit
 * a request is answered 429 with `Retry-After` and the GraphQL error code RATE_LIMITED, before any work is done.
 * Loopback clients are exempt unless `loopback` is set (development and benchmarks run on loopback).
 */
import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ErrorCode } from './errors.ts';

export interface RateLimitOptions {
  /** Requests a client may make per window; 0 turns the limit off. */
  requests: number;
  windowSeconds: number;
  /** Whether loopback clients are limited too. */
  loopback: boolean;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** The client a request counts against: its API key's digest, else its address. */
export function clientOf(req: Request): string {
  const authorization = req.headers.authorization;
  if (authorization) return `key:${createHash('sha256').update(authorization).digest('hex')}`;
  return `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
}

/** The per-client count of requests, in memory; rateLimitMiddleware and the WebSocket door share one. */
export function createRequestLimiter(options: RateLimitOptions): RateLimiterAbstract {
  return new RateLimiterMemory({ points: options.requests, duration: options.windowSeconds });
}

/**
 * Counts one request (or WebSocket connection) against its client. Resolves to the seconds the client must wait
 * when it is over the limit, else null (exempt, counted, or the store out of reach: that must not lock every client
 * out).
 */
export async function countRequest(
  req: Request,
  options: RateLimitOptions,
  limiter: RateLimiterAbstract,
): Promise<number | null> {
  if (options.requests === 0) return null;
  const address = req.ip ?? req.socket.remoteAddress ?? '';
  if (!options.loopback && LOOPBACK.test(address)) return null;
  try {
    await limiter.consume(clientOf(req));
    return null;
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) return null;
    return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
  }
}

/** What a client over its limit is told. */
export function rateLimitedMessage(options: RateLimitOptions, retryAfterSeconds: number): string {
  return (
    `Too many requests: at most ${options.requests} per ${options.windowSeconds} s from one client; ` +
    `retry after ${retryAfterSeconds} s.`
  );
}

/**
 * The middleware counting each request against its client; `onLimited` is told of each refusal (a metric).
 * `limiter` replaces the in-memory store (e.g. a RateLimiterRedis built from the same options).
 */
export function rateLimitMiddleware(
  options: RateLimitOptions,
  onLimited: () => void = () => {},
  limiter: RateLimiterAbstract = createRequestLimiter(options),
): RequestHandler {
  if (options.requests === 0) return (_req, _res, next) => next();
  return (req: Request, res: Response, next: NextFunction) => {
    countRequest(req, options, limiter).then((retryAfterSeconds) => {
      if (retryAfterSeconds === null) {
        next();
        return;
      }
      onLimited();
      res
        .status(429)
        .set('retry-after', String(retryAfterSeconds))
        .json({
          errors: [
            {
              message: rateLimitedMessage(options, retryAfterSeconds),
              extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds },
            },
          ],
        });
    }, next);
  };
}

/**
 * Internal: per-client rate limits on the doors that read the graph (/graphql, /export, and each WebSocket
 * connection for subscriptions, as one request), with rate-limiter-flexible: in memory, one server's count; with a
 * Redis URL (ioredis), one count held in Redis for every replica that names the same Redis.
 *
 * A client is its API key (the SHA-256 digest of the Authorization header, so keys are never held) or else its
 * address (`req.ip`: behind a reverse proxy, set TRUST_PROXY so it is the client's, not the proxy's). Over the limit
 * a request is answered 429 with `Retry-After` and the GraphQL error code RATE_LIMITED, before any work is done.
 * Loopback clients are exempt unless `loopback` is set (development and benchmarks run on loopback).
 */
import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ErrorCode } from './errors.ts';

export interface RateLimitOptions {
  /** Requests a client may make per window; 0 turns the limit off. */
  requests: number;
  windowSeconds: number;
  /** Whether loopback clients are limited too. */
  loopback: boolean;
  /** A Redis holding the counts for every replica (`redis://host:port`); in memory when omitted. */
  redisUrl?: string;
}

/** The store of the counts, when it is ready, and how to let go of it at shutdown. */
export interface RateLimitStore {
  limiter: RateLimiterAbstract;
  /** Resolves once a shared store answers, or after REDIS_CONNECT_WAIT_MS (the insurance counts meanwhile). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Keys in a shared Redis start with this, so the counts do not mix with other data there. */
const REDIS_KEY_PREFIX = 'kg-rate-limit';
/** How long a starting server waits for its Redis before it serves with the in-memory insurance counts. */
const REDIS_CONNECT_WAIT_MS = 3_000;

/**
 * The counts' store: in memory, or the Redis at `redisUrl`. While that Redis is out of reach (not yet connected,
 * or down) each replica counts in memory (rate-limiter-flexible's insurance limiter), and ioredis reconnects in
 * the background.
 */
export function createRateLimitStore(options: RateLimitOptions): RateLimitStore {
  const limits = { points: options.requests, duration: options.windowSeconds };
  if (options.redisUrl === undefined) {
    return { limiter: new RateLimiterMemory(limits), ready: Promise.resolve(), close: async () => {} };
  }
  // No offline queue: while Redis is down a count fails at once (to the insurance) instead of holding the request.
  const redis = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', () => {}); // reconnects by itself; meanwhile the insurance limiter counts
  const ready = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, REDIS_CONNECT_WAIT_MS);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    limiter: new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: REDIS_KEY_PREFIX,
      insuranceLimiter: new RateLimiterMemory(limits),
      ...limits,
    }),
    ready,
    close: async () => {
      redis.disconnect();
    },
  };
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** The client a request counts against: its API key's digest, else its address (also its admission turn). */
export function clientOf(req: Request): string {
  const authorization = req.headers.authorization;
  if (authorization) return `key:${createHash('sha256').update(authorization).digest('hex')}`;
  return `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
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

/** The middleware counting each request against its client in `limiter`; `onLimited` is told of each refusal. */
export function rateLimitMiddleware(
  options: RateLimitOptions,
  limiter: RateLimiterAbstract,
  onLimited: () => void = () => {},
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

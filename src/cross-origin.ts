/**
 * Internal: which browser pages on other origins may call the API (CORS_ORIGINS), and the security headers of
 * everything the server serves.
 *
 * - Reads: with the default `*`, any origin may read, without credentials (the API is public and keyless for
 *   reads, so a wildcard leaks nothing a plain request could not get); a list allows only those origins.
 * - Writes: a curated write sent by a browser page of another origin is refused (FORBIDDEN) unless that origin is
 *   listed by name: an API key pasted into a third-party page must not let that page write. Requests without an
 *   Origin header (curl, servers) and pages of the server's own origin (GraphiQL, the explorer) are not affected.
 * - Preflights are answered (204) and cached by browsers for PREFLIGHT_MAX_AGE_SECONDS.
 */
import cors from 'cors';
import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';

/** `*` (any origin may read) or the origins allowed to read and write, e.g. `https://app.example.org`. */
export type CorsOrigins = '*' | readonly string[];

const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** Request headers a cross-origin client may send (GraphQL clients' own included). */
const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'accept',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'graphql-preflight',
  'x-request-id',
  'if-none-match',
  'neo4j-bookmark',
];

/** Response headers a cross-origin client may read. */
const EXPOSED_HEADERS = ['retry-after', 'etag', 'content-disposition', 'x-request-id', 'neo4j-bookmark'];

export function crossOriginMiddleware(origins: CorsOrigins): RequestHandler {
  return cors({
    origin: origins === '*' ? '*' : [...origins],
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: false,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  });
}

/**
 * Security headers on every response: a Content-Security-Policy under which GraphiQL and the explorer work offline
 * and nothing else loads (scripts, workers and fetches from this server only; inline styles, which GraphiQL's
 * editor sets, and data/blob images, which the explorer's PNG export makes), no framing by other sites, `nosniff`,
 * no referrer across origins, and resources other origins may load (the API is meant to be read cross-origin).
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'worker-src': ["'self'", 'blob:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: false,
  });
}

/** The browser origin a write from `req` comes from when writes from it are refused; null when allowed. */
export function refusedWriteOrigin(req: Request, origins: CorsOrigins): string | null {
  const origin = req.headers.origin;
  if (origin === undefined || origin === 'null') return origin === 'null' ? 'null' : null;
  if (origin === `${req.protocol}://${req.get('host') ?? ''}`) return null;
  if (origins !== '*' && origins.includes(origin)) return null;
  return origin;
}

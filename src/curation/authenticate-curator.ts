/**
 * Internal: who may write. Reads need no key; a write needs `Authorization: Bearer <key>` with one of the keys
 * configured in API_KEYS, and the key's curator is recorded on everything the write touches.
 *
 * Keys are compared as SHA-256 digests with crypto.timingSafeEqual, against every configured key (no early exit),
 * so the time taken says nothing about how much of a key was right. Neither keys nor headers are ever logged.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKey } from '../config.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';

/** What a request may do with writes; decided once per request, enforced by requireCurator in each mutation. */
export type WriteAccess =
  | { kind: 'read-only' }
  | { kind: 'anonymous' }
  | { kind: 'invalid-key' }
  | { kind: 'curator'; curator: string }
  /** A browser page of an origin not listed in CORS_ORIGINS (src/cross-origin.ts). */
  | { kind: 'foreign-origin'; origin: string };

const READ_ONLY: WriteAccess = { kind: 'read-only' };

/** Decides write access from the Authorization header (as Express gives it) and the configured keys. */
export function authenticateCurator(authorization: string | undefined, apiKeys: readonly ApiKey[]): WriteAccess {
  if (apiKeys.length === 0) return READ_ONLY;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) return { kind: 'anonymous' };
  const digest = createHash('sha256').update(match[1]).digest();
  let curator: string | undefined;
  for (const key of apiKeys) {
    if (timingSafeEqual(digest, key.digest) && curator === undefined) curator = key.curator;
  }
  return curator === undefined ? { kind: 'invalid-key' } : { kind: 'curator', curator };
}

/** The curator making this write; throws FORBIDDEN on a read-only deployment and UNAUTHENTICATED (401) otherwise. */
export function requireCurator(access: WriteAccess): string {
  switch (access.kind) {
    case 'curator':
      return access.curator;
    case 'read-only':
      throw new ForbiddenError(
        'This is a read-only deployment: no API keys are configured (API_KEYS), so writes are off.',
      );
    case 'anonymous':
      throw new UnauthenticatedError();
    case 'invalid-key':
      throw new UnauthenticatedError('The API key is not valid.');
    case 'foreign-origin':
      throw new ForbiddenError(
        `Writes from pages of the origin ${access.origin} are refused; list it in CORS_ORIGINS to allow them.`,
      );
    default: {
      const never: never = access;
      return never;
    }
  }
}

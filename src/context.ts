/**
 * Internal: the per-request GraphQL context. A new one per request, so DataLoader caches never outlive a request.
 */
import type { QueryRunner } from './db/query-runner.ts';

export interface RequestContext {
  runner: QueryRunner;
}

export function createContext(runner: QueryRunner): RequestContext {
  return { runner };
}

/**
 * Internal: how much one GraphQL request may ask for, so no client can make the server or the database do
 * unbounded work. Page sizes, neighborhood depth and node limits are checked per argument by the resolvers; these
 * bound the shape of the operation itself (GraphQL Armor's validation rules, and the parser's token limit).
 * RequestLimits bound its cost and its work (src/limits/: estimated cost, time, statements, response size, and
 * how many expensive operations run at once); config.ts reads them from the environment.
 *
 * Errors the rules raise are answered as LIMIT_EXCEEDED (see format-error.ts), with the limit in the message.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

/** Deepest selection (the deepest tested query, materials -> suppliers -> facilities -> operators, is 7). */
const MAX_QUERY_DEPTH = 12;
/** Aliased fields in one operation (each alias can be a whole neighborhood query). */
const MAX_ALIASES = 30;
/** Tokens the parser reads before giving up. */
export const MAX_TOKENS = 5_000;

/** What one operation may cost and do; README's configuration table names each setting. */
export interface RequestLimits {
  /** Highest estimated cost (src/limits/cost-model.ts) an operation may have; over it, LIMIT_EXCEEDED. */
  costBudget: number;
  /** Wall-clock time for the whole operation, every statement and queueing included. */
  timeBudgetMs: number;
  /** Database statements one operation may run. */
  maxStatements: number;
  /** Bytes of the serialized response body. */
  maxResponseBytes: number;
  /**
   * Estimated cost from which an operation is heavy (src/limits/admission-control.ts): it takes a place among the
   * heavy operations, whose number adapts to measured capacity, and waits its turn while its time budget allows.
   * 500: a depth-2, 200-node neighbourhood (about 1,400), the cross-reference by 50 (600) and every analytics field
   * are heavy; lookups, search and small neighbourhoods (a depth-1, 40-node one costs 490) are not.
   */
  heavyCostThreshold: number;
  /**
   * Most heavy operations at once, the ceiling of the adaptive limit (which starts at 1 and grows while the
   * operations' run time does not).
   */
  heavyConcurrencyMax: number;
  /** Most heavy operations waiting, whatever their budgets; past that, SERVER_BUSY. */
  heavyQueueMax: number;
  /** Seconds a SERVER_BUSY answer asks the client to wait (HTTP Retry-After). */
  retryAfterSeconds: number;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  costBudget: 50_000,
  timeBudgetMs: 10_000,
  maxStatements: 100,
  maxResponseBytes: 4 * 1024 * 1024,
  heavyCostThreshold: 500,
  heavyConcurrencyMax: 8,
  heavyQueueMax: 1_000,
  retryAfterSeconds: 2,
};

const limitErrors = new WeakSet<GraphQLError>();

/** Reports the rejection as a validation error (Armor's default, throwing, suits Envelop rather than Apollo). */
const reject = (context: ValidationContext | null, error: GraphQLError): void => {
  limitErrors.add(error);
  context?.reportError(error);
};
const onRejection = { onReject: [reject], propagateOnRejection: false };

export const requestLimitRules: ValidationRule[] = [
  maxDepthRule({ n: MAX_QUERY_DEPTH, ...onRejection }) as ValidationRule,
  maxAliasesRule({ n: MAX_ALIASES, ...onRejection }) as ValidationRule,
];

/** True for an error raised by one of the request limits (checked on the error's original). */
export function isRequestLimitError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && limitErrors.has(error as GraphQLError);
}

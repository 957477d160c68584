/**
 * Internal: how much one GraphQL request may ask for, so no client can make the server or the database do
 * unbounded work. Page sizes, neighborhood depth and node limits are checked per argument by the resolvers; these
 * bound the shape of the operation itself (GraphQL Armor's validation rules, and the parser's token limit).
 *
 * Errors the rules raise are answered as LIMIT_EXCEEDED (see format-error.ts), with the limit in the message.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

/** Deepest selection (the deepest tested query, materials -> suppliers -> facilities -> operators, is 7). */
export const MAX_QUERY_DEPTH = 12;
/** Aliased fields in one operation (each alias can be a whole neighborhood query). */
export const MAX_ALIASES = 30;
/** Tokens the parser reads before giving up. */
export const MAX_TOKENS = 5_000;

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

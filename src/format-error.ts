/**
 * Internal: Apollo's formatError. Client errors (AppError, and GraphQL's own parse/validation errors) go out as
 * they are, request limits as LIMIT_EXCEEDED, and the client mistakes graphql-js and Apollo raise without a code
 * (a null for a non-null argument given through a variable, a persisted query of an unknown version or a hash
 * that does not match) as BAD_USER_INPUT or BAD_REQUEST; anything else is logged and masked as
 * INTERNAL_SERVER_ERROR, with its message only in development. It never throws.
 */
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { AppError, ErrorCode } from './errors.ts';
import { isRequestLimitError } from './request-limits.ts';

const CLIENT_ERROR_CODES = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
]);

/**
 * A GraphQLError that graphql-js or Apollo raised about the request itself: it wraps no exception of the server's
 * (a server fault, such as a null for a non-null field, always wraps one) and carries no code of its own.
 */
function isCodelessClientMistake(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  const code = error.extensions['code'];
  return error.originalError === undefined && (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR);
}

export function createFormatError(logger: Logger, showInternalMessages: boolean) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    try {
      const original = unwrapResolverError(error);
      const code = formatted.extensions?.['code'];
      const cause = (error as { originalError?: unknown } | null)?.originalError;
      // graphql-js words its token-limit parse error "more that"; match either spelling.
      if (isRequestLimitError(cause) || /Document contains more th(an|at) \d+ tokens/.test(formatted.message)) {
        return { message: formatted.message, extensions: { code: ErrorCode.LIMIT_EXCEEDED } };
      }
      // An AppError thrown by a plugin reaches here wrapped (no path), as the cause of a GraphQLError.
      if (
        original instanceof AppError ||
        cause instanceof AppError ||
        (typeof code === 'string' && CLIENT_ERROR_CODES.has(code))
      ) {
        const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
        return { ...formatted, extensions };
      }
      if (isCodelessClientMistake(original)) {
        const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
        const clientCode = formatted.path || formatted.locations ? ErrorCode.BAD_USER_INPUT : ErrorCode.BAD_REQUEST;
        return { ...formatted, extensions: { ...extensions, code: clientCode } };
      }
      logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving a request');
      return {
        message: showInternalMessages && original instanceof Error ? original.message : 'Internal server error',
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
      };
    } catch {
      return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
    }
  };
}

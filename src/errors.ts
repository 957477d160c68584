/**
 * Public contract: the error codes clients see in GraphQL `extensions.code`, and the error classes that set them.
 * Internal failures never reach clients as such: formatError turns them into INTERNAL_SERVER_ERROR.
 */
import { GraphQLError } from 'graphql';

export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** An HTTP request that is not a GraphQL request at all (a body that is not JSON). */
  BAD_REQUEST = 'BAD_REQUEST',
  NOT_FOUND = 'NOT_FOUND',
  /** The operation asks for, or would do, more than the server allows; the message names the limit. */
  LIMIT_EXCEEDED = 'LIMIT_EXCEEDED',
  /** Too many expensive operations are running or waiting; retry after the HTTP Retry-After seconds. */
  SERVER_BUSY = 'SERVER_BUSY',
  /** This client sent more requests than its rate limit allows (HTTP 429); retry after the Retry-After seconds. */
  RATE_LIMITED = 'RATE_LIMITED',
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  DATABASE_TIMEOUT = 'DATABASE_TIMEOUT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** A write without a valid API key (HTTP 401). */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** A write to a read-only deployment (no API keys configured; HTTP 403). */
  FORBIDDEN = 'FORBIDDEN',
  /** A write that contradicts an earlier one (an idempotency key reused with other input). */
  CONFLICT = 'CONFLICT',
}

/** The one base class of errors meant for clients: the code goes to `extensions.code`. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = 'AppError';
  }

  get code(): ErrorCode {
    return this.extensions['code'] as ErrorCode;
  }
}

/** An argument is out of range or malformed; `argument` names it. */
export class BadUserInputError extends AppError {
  constructor(argument: string, message: string) {
    super(ErrorCode.BAD_USER_INPUT, message, { argument });
  }
}

/** A write without a valid bearer token. `http.status` makes Apollo answer 401 (it is not sent to clients). */
export class UnauthenticatedError extends AppError {
  constructor(message = 'Writes need an API key: send "Authorization: Bearer <key>".') {
    super(ErrorCode.UNAUTHENTICATED, message, {
      http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) },
    });
  }
}

/** A write this deployment does not accept at all. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(ErrorCode.FORBIDDEN, message, { http: { status: 403 } });
  }
}

/** A write that contradicts an earlier one; `argument` names the argument concerned. */
export class ConflictError extends AppError {
  constructor(argument: string, message: string) {
    super(ErrorCode.CONFLICT, message, { argument });
  }
}

export class DatabaseUnavailableError extends AppError {
  constructor(message = 'The database is not reachable right now; try again shortly.') {
    super(ErrorCode.DATABASE_UNAVAILABLE, message);
  }
}

/** A request asked for more than the server allows (depth, aliases, memory); the message says which limit. */
export class LimitExceededError extends AppError {
  constructor(message: string) {
    super(ErrorCode.LIMIT_EXCEEDED, message);
  }
}

/**
 * The server is running and queueing as many expensive fields as it allows. The response is HTTP 503 with a
 * Retry-After header (Apollo applies `extensions.http` and strips it before formatError), and the same number of
 * seconds in `extensions.retryAfterSeconds`.
 */
export class ServerBusyError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super(ErrorCode.SERVER_BUSY, message, {
      retryAfterSeconds,
      http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    });
  }
}

export class DatabaseTimeoutError extends AppError {
  constructor(message = 'The database query took longer than allowed.') {
    super(ErrorCode.DATABASE_TIMEOUT, message);
  }
}

/**
 * The server cannot start. The message is one paragraph for a person: what failed, the setting to change,
 * and the address involved. main.ts prints it without a stack trace and exits with status 1.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

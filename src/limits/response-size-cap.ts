/**
 * Internal: the response size cap, as Apollo's `stringifyResult`. A result is serialized once, compactly; when the
 * body is larger than the cap it is replaced by one LIMIT_EXCEEDED error naming its size and the cap (data null),
 * so no client can make the server send an unbounded body.
 */
import type { FormattedExecutionResult } from 'graphql';
import { ErrorCode } from '../errors.ts';

export function cappedStringify(maxResponseBytes: number): (result: FormattedExecutionResult) => string {
  return (result) => {
    const body = JSON.stringify(result);
    // A UTF-16 length is at most the UTF-8 byte length, so a short body needs no count.
    if (body.length * 3 <= maxResponseBytes) return body;
    const bytes = Buffer.byteLength(body);
    if (bytes <= maxResponseBytes) return body;
    return JSON.stringify({
      data: null,
      errors: [
        {
          message:
            `The response would be ${bytes} bytes, over the cap of ${maxResponseBytes} bytes; ask for less ` +
            `(smaller pages, lower depth or limit, fewer aliases or fields).`,
          extensions: { code: ErrorCode.LIMIT_EXCEEDED, bytes, maxBytes: maxResponseBytes },
        },
      ],
    } satisfies FormattedExecutionResult);
  };
}

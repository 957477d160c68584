/**
 * Internal: the response size cap, an Apollo plugin. A response whose serialized body is larger than the cap is
 * replaced, before it is sent, by one LIMIT_EXCEEDED error naming its size and the cap (data null), so no client
 * can make the server build and send an unbounded body.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../errors.ts';

export function responseSizePlugin(maxResponseBytes: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const bytes = Buffer.byteLength(JSON.stringify(response.body.singleResult));
          if (bytes <= maxResponseBytes) return;
          response.body.singleResult = {
            data: null,
            errors: [
              {
                message:
                  `The response would be ${bytes} bytes, over the cap of ${maxResponseBytes} bytes; ask for less ` +
                  `(smaller pages, lower depth or limit, fewer aliases or fields).`,
                extensions: { code: ErrorCode.LIMIT_EXCEEDED, bytes, maxBytes: maxResponseBytes },
              },
            ],
          };
        },
      };
    },
  };
}

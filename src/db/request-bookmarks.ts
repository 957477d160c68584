/**
 * Internal: read-your-writes across server replicas. One request's bookmarks: those its client sent (the bookmark
 * of the client's last write, returned by whichever replica served it), which every statement of the request waits
 * for, and those the request's own writes left, which go back to the client (src/read-your-writes.ts). Within one
 * process the runner's shared bookmark manager already orders reads after writes; this carries the order to other
 * processes through the client.
 */
import type { Params, QueryRunner, Row, StatementOptions } from './query-runner.ts';

export class RequestBookmarks {
  readonly received: readonly string[];
  #written: string[] = [];

  /** `received`: the bookmarks the client sent (checked by the caller), none by default. */
  constructor(received: readonly string[] = []) {
    this.received = received;
  }

  /** The bookmarks of the request's latest committed write; empty when it wrote nothing. */
  get written(): readonly string[] {
    return this.#written;
  }

  /** The options for one statement: the caller's, with the bookmarks to wait for and to keep. */
  options(options: StatementOptions = {}): StatementOptions {
    return {
      ...options,
      ...(this.received.length > 0 ? { bookmarks: this.received } : {}),
      onBookmarks: (bookmarks) => {
        this.#written = bookmarks;
      },
    };
  }
}

/** `runner` as seen by one request: each statement waits for the client's bookmarks and records the writes' own. */
export function bookmarkedRunner(runner: QueryRunner, bookmarks: RequestBookmarks): QueryRunner {
  return {
    read: <T extends Row>(operation: string, query: string, params?: Params, options?: StatementOptions) =>
      runner.read<T>(operation, query, params, bookmarks.options(options)),
    write: <T extends Row>(operation: string, query: string, params?: Params, options?: StatementOptions) =>
      runner.write<T>(operation, query, params, bookmarks.options(options)),
    writeTransaction: (operation, work, options) =>
      runner.writeTransaction(operation, work, bookmarks.options(options)),
    explain: (operation, query, params) => runner.explain(operation, query, params),
    get statementCount() {
      return runner.statementCount;
    },
  };
}

/**
 * Public contract: read-your-writes across server replicas, through the client. A response to a request that wrote
 * (a curated write) carries the write's bookmark, in the `Neo4j-Bookmark` header and in `extensions.bookmark` (the
 * same text). A later request that sends it back in its own `Neo4j-Bookmark` header, to any replica, is answered
 * from a database that has applied that write: each of its statements waits for the bookmark (on a cluster, a
 * follower behind the leader waits; see docs/operations.md#read-your-writes-on-a-cluster).
 *
 * The header holds one or more bookmarks separated by commas, each as Neo4j issued it; a header that is not that
 * shape is refused before GraphQL runs (400, BAD_REQUEST, naming the header).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { RequestContext } from './context.ts';
import { RequestBookmarks } from './db/request-bookmarks.ts';
import { ErrorCode } from './errors.ts';

const BOOKMARK_HEADER = 'Neo4j-Bookmark';
/** Bookmarks one request may carry (a client following writes on several databases sends a few). */
const MAX_BOOKMARKS = 16;
/** Neo4j's bookmarks are short text ("FB:" and base64 in Neo4j 5); anything else is a client's mistake. */
const BOOKMARK = /^[A-Za-z0-9:+/=_-]{1,512}$/;

/** The bookmarks of a `Neo4j-Bookmark` header value (none when absent or empty), or the reason it is refused. */
function parseBookmarkHeader(value: string | undefined): { bookmarks: string[] } | { problem: string } {
  if (value === undefined || value.trim() === '') return { bookmarks: [] };
  const bookmarks = value.split(',').map((bookmark) => bookmark.trim());
  if (bookmarks.length > MAX_BOOKMARKS) {
    return { problem: `The ${BOOKMARK_HEADER} header holds ${bookmarks.length} bookmarks; at most ${MAX_BOOKMARKS}.` };
  }
  const bad = bookmarks.find((bookmark) => !BOOKMARK.test(bookmark));
  if (bad !== undefined) {
    return {
      problem:
        `The ${BOOKMARK_HEADER} header is not a bookmark this server issued ('${bad.slice(0, 40)}'); send the ` +
        `${BOOKMARK_HEADER} of an earlier response as it came, or leave the header out.`,
    };
  }
  return { bookmarks };
}

/** Express middleware before GraphQL: reads the header into the request's bookmarks, or answers 400. */
export function readBookmarkHeader(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const parsed = parseBookmarkHeader(req.get(BOOKMARK_HEADER));
    if ('problem' in parsed) {
      res.status(400).json({
        errors: [{ message: parsed.problem, extensions: { code: ErrorCode.BAD_REQUEST, header: BOOKMARK_HEADER } }],
      });
      return;
    }
    res.locals['bookmarks'] = new RequestBookmarks(parsed.bookmarks);
    next();
  };
}

/** The request's bookmarks, as readBookmarkHeader left them (none when it did not run). */
export function requestBookmarksOf(res: Response): RequestBookmarks {
  const bookmarks: unknown = res.locals['bookmarks'];
  return bookmarks instanceof RequestBookmarks ? bookmarks : new RequestBookmarks();
}

/** The Apollo plugin that returns a write's bookmark: the response header and `extensions.bookmark`. */
export function bookmarkPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const written = contextValue.bookmarks.written;
          if (written.length === 0) return;
          const bookmark = written.join(', ');
          response.http.headers.set(BOOKMARK_HEADER.toLowerCase(), bookmark);
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, bookmark };
          }
        },
      };
    },
  };
}

/**
 * Internal: Relay cursor pagination for the API. Cursors are opaque (base64 of an offset, or of a key for keyset
 * pages) and page sizes are bounded; bad values are BAD_USER_INPUT errors naming the argument.
 */
import { BadUserInputError } from '../errors.ts';

const MAX_PAGE_SIZE = 100;

export function checkPageSize(first: number, argument = 'first', max = MAX_PAGE_SIZE): number {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new BadUserInputError(argument, `'${argument}' must be between 1 and ${max}, got ${first}`);
  }
  return first;
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

/** The offset just after `after` (0 when absent). */
export function offsetAfter(after: string | null | undefined): number {
  if (after === null || after === undefined) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(after, 'base64url').toString());
  if (!match?.[1]) throw notACursor(after);
  return Number(match[1]) + 1;
}

function encodeKeyCursor(key: string): string {
  return Buffer.from(`key:${key}`).toString('base64url');
}

/** The key a keyset cursor stands for (null when absent): the next page starts after it. */
export function keyAfter(after: string | null | undefined): string | null {
  if (after === null || after === undefined) return null;
  const match = /^key:(.+)$/s.exec(Buffer.from(after, 'base64url').toString());
  if (!match?.[1]) throw notACursor(after);
  return match[1];
}

function notACursor(after: string): BadUserInputError {
  return new BadUserInputError('after', `'after' is not a cursor this API issued: ${JSON.stringify(after)}`);
}

export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** One page of `items` (already the items from `start` on, at most first + 1 of them), given the total. */
export function toPage<T>(items: readonly T[], start: number, first: number, totalCount: number): Page<T> {
  const edges = items.slice(0, first).map((node, i) => ({ cursor: encodeCursor(start + i), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: start + edges.length < totalCount,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** One keyset page: `items` are those after the cursor's key, at most first + 1 of them. */
export function toKeysetPage<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  first: number,
  afterKey: string | null,
  totalCount: number,
): Page<T> {
  const edges = items.slice(0, first).map((node) => ({ cursor: encodeKeyCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: items.length > first,
      hasPreviousPage: afterKey !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/**
 * Internal: Relay cursor pagination for every connection of the API (the Relay Cursor Connections spec): `first`
 * with `after`, `last` with `before`, either page size 0 to MAX_PAGE_SIZE, and both null for the connection's
 * default page. Cursors are opaque: base64 of an offset, or of a key for keyset pages. Bad values are
 * BAD_USER_INPUT errors naming the argument; offsets and keys are applied in the database by the callers.
 */
import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import { BadUserInputError } from '../errors.ts';
import { defaultPageSize, MAX_PAGE_SIZE } from '../limits/page-sizes.ts';
import { selectsField } from './projection.ts';

/** A connection's paging arguments as the schema gives them (every one nullable). */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** How many items a page asks for, and from which end of the cursors' window. */
interface PageSize {
  size: number;
  /** `last` was given: the page is the window's last `size` items. */
  fromEnd: boolean;
}

function checkSize(argument: 'first' | 'last', value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw new BadUserInputError(argument, `'${argument}' must be between 0 and ${MAX_PAGE_SIZE}, got ${value}`);
  }
  return value;
}

/** The page size `args` ask for; neither `first` nor `last` is the default page of the field `info` resolves. */
function pageSize(args: PageArgs, info: GraphQLResolveInfo): PageSize {
  const first = args.first ?? null;
  const last = args.last ?? null;
  if (first !== null && last !== null) {
    throw new BadUserInputError('last', "'first' and 'last' cannot be used together: page forward or backward");
  }
  if (last !== null) return { size: checkSize('last', last), fromEnd: true };
  if (first !== null) return { size: checkSize('first', first), fromEnd: false };
  return { size: defaultPageSize(`${info.parentType.name}.${info.fieldName}`), fromEnd: false };
}

function notACursor(argument: 'after' | 'before', cursor: string): BadUserInputError {
  return new BadUserInputError(argument, `'${argument}' is not a cursor this API issued: ${JSON.stringify(cursor)}`);
}

// ---- Offset pages: the order is a position in a statement's ORDER BY, paged with SKIP and LIMIT. ----

export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

/** The position an offset cursor stands for, or null when absent. */
function offsetOf(argument: 'after' | 'before', cursor: string | null | undefined): number | null {
  if (cursor === null || cursor === undefined) return null;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match?.[1]) throw notACursor(argument, cursor);
  return Number(match[1]);
}

/**
 * Reads `limit` items from position `offset` on, and how many items there are in all. With `count` false the
 * selection does not read `totalCount`: the read may skip counting and give `total` null (it is then asked for one
 * item more than the page, which says whether items lie beyond it).
 */
export type ReadOffsetPage<T> = (
  offset: number,
  limit: number,
  count: boolean,
) => Promise<{ items: readonly T[]; total: number | null }>;

/** Reads the last `limit` items (in the list's order), and how many items there are in all, in one statement. */
export type ReadLastItems<T> = (limit: number) => Promise<{ items: readonly T[]; total: number }>;

/** Whether the selection of the connection `info` resolves reads its `totalCount` (under any alias). */
function selectsTotalCount(info: GraphQLResolveInfo): boolean {
  return selectsField(info, getNamedType(info.returnType).name, 'totalCount');
}

/**
 * The positions a page holds and its items, from whichever read served it, and whether items lie after it; the
 * total when it was counted (always, for a page from the end).
 */
async function readWindow<T>(
  args: PageArgs,
  info: GraphQLResolveInfo,
  read: ReadOffsetPage<T>,
  readLast: ReadLastItems<T> | undefined,
): Promise<{ start: number; items: readonly T[]; total: number | null; more: boolean }> {
  const { size, fromEnd } = pageSize(args, info);
  const afterOffset = offsetOf('after', args.after);
  const beforeOffset = offsetOf('before', args.before);
  const windowStart = afterOffset === null ? 0 : afterOffset + 1;
  if (!fromEnd) {
    const limit = beforeOffset === null ? size : Math.max(0, Math.min(size, beforeOffset - windowStart));
    const count = selectsTotalCount(info);
    const { items, total } = await read(windowStart, count ? limit : limit + 1, count);
    const kept = items.slice(0, limit);
    const more = total === null ? items.length > limit : windowStart + kept.length < total;
    return { start: windowStart, items: kept, total, more };
  }
  if (beforeOffset === null && readLast) {
    // The end's position is the total, which the same statement counts; items before `after` are dropped.
    const { items, total } = await readLast(size);
    const first = total - items.length;
    const dropped = Math.max(0, windowStart - first);
    return { start: first + dropped, items: items.slice(dropped), total, more: false };
  }
  const windowEnd = beforeOffset ?? (await countAll(read, windowStart));
  const start = Math.max(windowStart, windowEnd - size);
  const limit = Math.max(0, windowEnd - start);
  const { items, total } = await read(start, limit, true);
  const kept = items.slice(0, limit);
  return { start, items: kept, total, more: total === null ? beforeOffset !== null : start + kept.length < total };
}

/** How many items there are in all (a `last` page without `before` ends there). */
async function countAll<T>(read: ReadOffsetPage<T>, offset: number): Promise<number> {
  const { total } = await read(offset, 0, true);
  if (total === null) throw new Error('an offset page read gave no total when asked to count');
  return total;
}

/**
 * One page of an offset-paged connection: `read` is asked for exactly the positions the page holds (between the
 * cursors, the first or last `size` of them). `last` without `before` needs the total: `readLast` reads the end
 * and counts in one statement where the caller has one (the same for every parent, so it batches); otherwise the
 * total is read first (with limit 0). Every other page reads once.
 */
export async function offsetPage<T>(
  args: PageArgs,
  info: GraphQLResolveInfo,
  read: ReadOffsetPage<T>,
  readLast?: ReadLastItems<T>,
): Promise<Page<T>> {
  const { start, items, total, more } = await readWindow(args, info, read, readLast);
  const edges = items.map((node, i) => ({ cursor: encodeCursor(start + i), node }));
  return {
    edges,
    pageInfo: {
      // Offsets say exactly whether items lie beyond the page on either side (the spec lets a server say so).
      hasNextPage: more,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    // Not counted when the selection does not read it (nothing reads the value then).
    totalCount: total ?? start + edges.length,
  };
}

// ---- Keyset pages: the order is a unique key the statement seeks, forward or backward. ----

function encodeKeyCursor(key: string): string {
  return Buffer.from(`key:${key}`).toString('base64url');
}

function keyOf(argument: 'after' | 'before', cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  const match = /^key:(.+)$/s.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match?.[1]) throw notACursor(argument, cursor);
  return match[1];
}

/** What a keyset statement reads: the keys strictly between the cursors, from one end, `limit` at most. */
export interface KeysetWindow {
  /** Items after this key (null: from the start). */
  afterKey: string | null;
  /** Items before this key (null: to the end). */
  beforeKey: string | null;
  /** Read from the window's end, in reverse order (a `last` page). */
  backward: boolean;
  /** The page size plus one: the extra item says whether more lie beyond the page on the side read towards. */
  limit: number;
}

/** The window a keyset page reads, from the arguments; `checkKey` rejects a key that is not this connection's. */
export function keysetWindow(
  args: PageArgs,
  info: GraphQLResolveInfo,
  checkKey: (key: string) => boolean = () => true,
): KeysetWindow {
  const { size, fromEnd } = pageSize(args, info);
  const afterKey = keyOf('after', args.after);
  const beforeKey = keyOf('before', args.before);
  if (afterKey !== null && !checkKey(afterKey)) throw notACursor('after', args.after ?? '');
  if (beforeKey !== null && !checkKey(beforeKey)) throw notACursor('before', args.before ?? '');
  return { afterKey, beforeKey, backward: fromEnd, limit: size + 1 };
}

/** One keyset page from the items its window read (in the order read: reversed for a backward window). */
export function keysetPage<T>(
  items: readonly T[],
  keyOfItem: (item: T) => string,
  window: KeysetWindow,
  totalCount: number,
): Page<T> {
  const size = window.limit - 1;
  const more = items.length > size;
  const kept = items.slice(0, size);
  const ordered = window.backward ? kept.reverse() : kept;
  const edges = ordered.map((node) => ({ cursor: encodeKeyCursor(keyOfItem(node)), node }));
  return {
    edges,
    pageInfo: {
      // Beyond a cursor lies at least the item it was issued for.
      hasNextPage: window.backward ? window.beforeKey !== null : more || window.beforeKey !== null,
      hasPreviousPage: window.backward ? more || window.afterKey !== null : window.afterKey !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

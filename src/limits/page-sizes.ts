/**
 * Internal: the page sizes of the API's connections, read by the resolvers (src/resolvers/pagination.ts) and by the
 * cost model, so a page is priced at the size it is served at. `first` and `last` are nullable in the schema
 * (Relay clients send a null `count`): a connection asked for neither serves its default page.
 */

/** The largest `first` or `last` of any connection. */
export const MAX_PAGE_SIZE = 100;

/** The page of a connection asked for neither `first` nor `last`, unless DEFAULT_PAGE_SIZES names it. */
const DEFAULT_PAGE_SIZE = 20;

/** Connections whose default page is not DEFAULT_PAGE_SIZE, by schema coordinate. */
const DEFAULT_PAGE_SIZES: Readonly<Record<string, number>> = {
  'Query.crossReference': 100,
  'Query.changes': 50,
};

/** The default page size of the connection at `coordinate` (`Type.field`, e.g. `Query.entities`). */
export function defaultPageSize(coordinate: string): number {
  return DEFAULT_PAGE_SIZES[coordinate] ?? DEFAULT_PAGE_SIZE;
}

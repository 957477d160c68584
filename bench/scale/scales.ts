/**
 * The benchmark scales: how many relationships, and the embedded Neo4j's memory for each (heap for query
 * working memory and the load's transactions; page cache large enough to hold the whole store, so timed runs
 * read from memory: the 1m store is about 1.8 GB on disk since relationships store ids and citations are nodes).
 */
export const SCALES = {
  '10k': { relationships: 10_000, heap: '512m', pageCache: '256m' },
  '100k': { relationships: 100_000, heap: '1g', pageCache: '512m' },
  '1m': { relationships: 1_000_000, heap: '2g', pageCache: '2g' },
} as const;

export type ScaleName = keyof typeof SCALES;

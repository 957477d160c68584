/**
 * Internal: a projection of the graph for the in-process graph algorithms (src/analytics/), read in one statement:
 * the relationships of the chosen types between entities of the chosen kinds that held on a date, with their ends.
 * Entities with no such relationship are not in it. At most `cap` relationships are read: one more and the
 * projection is refused (`truncated`), so a measure never runs on part of a graph.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import type { ProjectionData } from '../analytics/projection.ts';
import { SUPPLY_LINK_TYPES } from '../model/vocabulary.ts';
import { holdsAsOf } from './partial-date.ts';

/** Takes: $kinds, $types, $asOf, $limit. Returns: one row per relationship, by relationship id. */
const READ_PROJECTION = `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $types AND a.kind IN $kinds AND b.kind IN $kinds AND ${holdsAsOf('r')}
RETURN r.id AS id, type(r) AS type, a.id AS source, a.kind AS sourceKind, b.id AS target, b.kind AS targetKind
LIMIT toInteger($limit)`;

/**
 * The supply network, the projection a measure runs over unless told otherwise: companies, materials and
 * countries, with the supply links, BASED_IN and PART_OF (lists sorted, so equal projections share a cache entry).
 */
export const SUPPLY_NETWORK: { kinds: readonly string[]; types: readonly string[] } = {
  kinds: ['Company', 'Country', 'Material'],
  types: [...SUPPLY_LINK_TYPES, 'BASED_IN', 'PART_OF'].sort(),
};

export interface ProjectionSpec {
  kinds: readonly string[];
  types: readonly string[];
  asOf: string | null;
}

export async function readProjection(
  runner: QueryRunner,
  spec: ProjectionSpec,
  cap: number,
): Promise<{ data: ProjectionData; truncated: boolean }> {
  const rows = await runner.read<{
    id: string;
    type: string;
    source: string;
    sourceKind: string;
    target: string;
    targetKind: string;
  }>('analytics.projection', READ_PROJECTION, { ...spec, limit: cap + 1 });
  const truncated = rows.length > cap;
  const kept = truncated ? rows.slice(0, cap) : rows;
  const nodes = new Map<string, string>();
  for (const row of kept) {
    nodes.set(row.source, row.sourceKind);
    nodes.set(row.target, row.targetKind);
  }
  return {
    data: {
      nodes: [...nodes].map(([id, kind]) => ({ id, kind })),
      relationships: kept.map(({ id, type, source, target }) => ({ id, type, source, target })),
    },
    truncated,
  };
}

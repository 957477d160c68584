/**
 * Internal: what changed in a period (Query.changes): the relationships whose validity starts (`validFrom`, from
 * since/date/asOf) or ends (`validUntil`, from until) within it, with the date the source gives, in date order.
 * Page and count are cut in Cypher.
 *
 * Work: Neo4j indexes relationship properties per relationship type only, so the statement reads every
 * relationship of the requested types and keeps those dated in the period; its cost grows with those types'
 * relationships, not with the answer (docs/analytics.md says so).
 */
import type { QueryRunner } from '../db/query-runner.ts';
import { dateOf, UNTIL_KEY } from '../model/property-keys.ts';
import { toRelationshipRow, type RelationshipRow } from './rows.ts';

type ChangeKind = 'STARTED' | 'ENDED';

export interface ChangeRow {
  change: ChangeKind;
  /** The date as the source gives it (since, date, asOf or until). */
  date: string;
  relationship: RelationshipRow;
}

/**
 * Takes: $from, $to (first and last day, inclusive), $types (or null), $offset, $limit. Returns: how many changes
 * match and the page's, by date, then started before ended, then relationship id.
 */
const CHANGES = `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE ($types IS NULL OR type(r) IN $types)
  AND ((r.validFrom >= $from AND r.validFrom <= $to) OR (r.validUntil >= $from AND r.validUntil <= $to))
UNWIND [x IN [['STARTED', r.validFrom], ['ENDED', r.validUntil]] WHERE x[1] >= $from AND x[1] <= $to] AS event
WITH event[0] AS change, event[1] AS day, a, r, b
ORDER BY day, change DESC, r.id
WITH collect({change: change, type: type(r), source: a.id, target: b.id, props: properties(r)}) AS changes
RETURN size(changes) AS total, changes[toInteger($offset)..toInteger($offset) + toInteger($limit)] AS page`;

export async function findChanges(
  runner: QueryRunner,
  period: { from: string; to: string },
  types: readonly string[] | null,
  page: { offset: number; limit: number },
): Promise<{ changes: ChangeRow[]; total: number }> {
  const [row] = await runner.read<{
    total: number;
    page: Array<{ change: ChangeKind; type: string; source: string; target: string; props: Record<string, unknown> }>;
  }>('changes', CHANGES, { ...period, types, ...page });
  const changes = (row?.page ?? []).map((c) => {
    const relationship = toRelationshipRow(c.type, c.source, c.target, c.props);
    const date = c.change === 'STARTED' ? dateOf(c.props) : c.props[UNTIL_KEY];
    return { change: c.change, date: String(date), relationship };
  });
  return { changes, total: Number(row?.total ?? 0) };
}

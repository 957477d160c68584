/**
 * Internal: a page of entities, filtered and ordered in Cypher (SKIP/LIMIT), with the total count.
 * Orders cannot be parameters, so each allowed order has its own fixed statement.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import type { EntityKind } from '../model/vocabulary.ts';
import { toEntityRow, type EntityRow } from './rows.ts';

export type EntityOrder = 'NAME_ASC' | 'NAME_DESC' | 'ID_ASC';

const MATCH_FILTERED = `
MATCH (n:Entity)
WHERE ($kind IS NULL OR n.kind = $kind)
  AND ($documentId IS NULL OR n.documentId = $documentId)
  AND ($text IS NULL OR toLower(n.name) CONTAINS $text OR any(a IN n.aliases WHERE toLower(a) CONTAINS $text))`;

const ORDER_BY: Record<EntityOrder, string> = {
  NAME_ASC: 'toLower(n.name), n.id',
  NAME_DESC: 'toLower(n.name) DESC, n.id',
  ID_ASC: 'n.id',
};

/** Takes: $kind, $documentId, $text, $offset, $limit. Returns: the page. */
const PAGE = new Map(
  Object.entries(ORDER_BY).map(([order, by]) => [
    order,
    `${MATCH_FILTERED}\nRETURN properties(n) AS props\nORDER BY ${by}\nSKIP toInteger($offset) LIMIT toInteger($limit)`,
  ]),
);

/** Takes: $kind, $documentId, $text. Returns: the count. */
const COUNT = `${MATCH_FILTERED}\nRETURN count(n) AS total`;

export interface EntityQuery {
  kind: EntityKind | null;
  documentId: string | null;
  nameContains: string | null;
  order: EntityOrder;
}

export async function listEntities(
  runner: QueryRunner,
  query: EntityQuery,
  offset: number,
  limit: number,
): Promise<{ items: EntityRow[]; total: number }> {
  const params = { kind: query.kind, documentId: query.documentId, text: query.nameContains?.toLowerCase() ?? null };
  const [rows, counts] = await Promise.all([
    runner.read<{ props: Record<string, unknown> }>('entities.page', PAGE.get(query.order) ?? '', {
      ...params,
      offset,
      limit,
    }),
    runner.read<{ total: number }>('entities.count', COUNT, params),
  ]);
  return { items: rows.map((r) => toEntityRow(r.props)), total: counts[0]?.total ?? 0 };
}

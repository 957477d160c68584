/** Internal: entities by id, one statement for any number of ids. */
import type { QueryRunner } from '../db/query-runner.ts';
import { fieldsColumn, toPlannedRows, type FieldsColumn, type PlannedField, type Statement } from './planned-fields.ts';
import { toEntityRow, type EntityRow } from './rows.ts';

/** Takes: $ids. Returns: one row per id found. */
const ENTITIES_BY_ID = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, properties(n) AS props`;

export async function findEntitiesById(runner: QueryRunner, ids: readonly string[]): Promise<Map<string, EntityRow>> {
  const rows = await runner.read<{ id: string; props: Record<string, unknown> }>('entities-by-id', ENTITIES_BY_ID, {
    ids,
  });
  return new Map(rows.map((r) => [r.id, toEntityRow(r.props)]));
}

/**
 * Takes: $id and the planned fields' parameters. Returns: the entity and the rows of the typed relationship fields
 * planned on it (./planned-fields.ts), in one statement.
 */
function entityWithFieldsStatement(fields: readonly PlannedField[]): Statement {
  const column = fieldsColumn(fields, 'n');
  return {
    text: `
MATCH (n:Entity {id: $id})
RETURN properties(n) AS props${column.text}`,
    params: column.params,
  };
}

/** The entity of `id` with the rows of `fields` planned on it; null when there is no such entity. */
export async function findEntityWithFields(
  runner: QueryRunner,
  id: string,
  fields: readonly PlannedField[],
): Promise<EntityRow | null> {
  const { text, params } = entityWithFieldsStatement(fields);
  const [row] = await runner.read<{ props: Record<string, unknown>; fields?: FieldsColumn }>('entity.planned', text, {
    id,
    ...params,
  });
  if (!row) return null;
  const entity = toEntityRow(row.props);
  entity.planned = toPlannedRows(entity, row.fields, fields);
  return entity;
}

/**
 * Internal: the typed relationship fields a root field selects (Company.materials { suppliers { country } }), read
 * in the root's own statement as nested rows. Each field is a COLLECT subquery on the entity of the level above,
 * reading the same page findRelated reads for one entity (./related-entities.ts: conditions, order, SKIP and
 * LIMIT per entity), so the answer is exactly the one field-by-field loading gives. The planner
 * (src/resolvers/plan-selection.ts) decides which fields are planned; the statement's text depends on their
 * directions, projections and nesting only, every value is a parameter ($p0_types, $p0_limit, ...).
 */
import {
  conditions,
  orderKeys,
  patternOf,
  rowMap,
  specParams,
  toRelatedRows,
  type RelatedRow,
  type RelatedSpec,
  type StoredRow,
} from './related-entities.ts';

/** A typed relationship field read in a root's statement, and the typed fields planned on the entities it reaches. */
export interface PlannedField {
  /** The field's response key (its alias, or its name): the key its rows are found under in the parent row. */
  key: string;
  /** Read only for a parent entity of this kind (a fragment's type condition); null for every parent. */
  onKind: string | null;
  spec: RelatedSpec;
  fields: readonly PlannedField[];
}

/** The rows of the planned fields of one entity, by response key; null for a field of another kind than the entity's. */
export type PlannedRows = Readonly<Record<string, RelatedRow[] | null>>;

/** A statement's text and parameters. */
export interface Statement {
  text: string;
  params: Record<string, unknown>;
}

/**
 * The fields of one entity grouped by response key, in order: the statement's map holds group j at key `f<j>`. The
 * text names positions, not response keys, so selections of one shape share one statement (and Neo4j's plan of it).
 */
function byResponseKey(fields: readonly PlannedField[]): Array<[key: string, alternatives: PlannedField[]]> {
  const groups = new Map<string, PlannedField[]>();
  for (const field of fields) groups.set(field.key, [...(groups.get(field.key) ?? []), field]);
  return [...groups];
}

/**
 * The relationship types of a typed field written into its pattern (`:SUPPLIES|PRODUCES`), so Neo4j expands only
 * those relationships of each entity, as a hand-written statement does: they are the knowledge model's names
 * (src/model/vocabulary.ts), never a client's values, and the condition on `$p_types` stays.
 */
function typesOf(spec: RelatedSpec): string {
  if (spec.types === null) return '';
  for (const type of spec.types) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(type)) throw new Error(`not a relationship type: ${JSON.stringify(type)}`);
  }
  return `:${spec.types.join('|')}`;
}

/** Builds the text of the planned fields of one statement, numbering their variables and parameters. */
class FieldsText {
  private next = 0;
  readonly params: Record<string, unknown> = {};

  /**
   * The Cypher map of `fields` for entity variable `n` (`{f0: COLLECT {...}, ...}`, see byResponseKey), or null
   * for no fields; `indent` is the indentation of the line the map opens on. Fields of several kinds under one
   * key (`... on A { x: f } ... on B { x: g }`) become one CASE on the kind.
   */
  map(fields: readonly PlannedField[], n: string, indent: string): string | null {
    if (fields.length === 0) return null;
    const inner = `${indent}  `;
    const entries = byResponseKey(fields).map(([, alternatives], j) => {
      const only = alternatives[0];
      if (alternatives.length === 1 && only && only.onKind === null) {
        return `${inner}f${j}: ${this.field(only, n, inner).body}`;
      }
      const cases = alternatives.map((field) => {
        const { p, body } = this.field(field, n, `${inner}  `);
        this.params[`${p}on`] = field.onKind;
        return `${inner}  WHEN ${n}.kind = $${p}on THEN ${body}`;
      });
      return `${inner}f${j}: CASE\n${cases.join('\n')}\n${inner}END`;
    });
    return `{\n${entries.join(',\n')}\n${indent}}`;
  }

  /** One field's COLLECT subquery on entity `n`: its page of rows, each with the fields planned below it. */
  private field(field: PlannedField, n: string, indent: string): { p: string; body: string } {
    const i = this.next++;
    const p = `p${i}_`;
    const [r, m, outgoing] = [`r${i}`, `m${i}`, `outgoing${i}`];
    Object.assign(this.params, specParams(field.spec, p));
    const row = rowMap(field.spec.projection, r, m, outgoing);
    const below = this.map(field.fields, m, `${indent}  `);
    const item = below === null ? row : `${row.slice(0, -1)}, fields: ${below}}`;
    const body = `COLLECT {
${indent}  MATCH ${patternOf(field.spec.direction, n, `${r}${typesOf(field.spec)}`, m)}
${indent}  WHERE ${conditions(p, r, m).replace(/\n\s*/g, ' ')}
${indent}  WITH ${r}, ${m}, startNode(${r}) = ${n} AS ${outgoing}
${indent}  ORDER BY ${orderKeys(r, m, outgoing).join(', ')}
${indent}  SKIP toInteger($${p}offset) LIMIT toInteger($${p}limit)
${indent}  RETURN ${item}
${indent}}`;
    return { p, body };
  }
}

/**
 * The `fields` column of a root statement whose entity variable is `n`: `, {...} AS fields` and its parameters,
 * or an empty text when nothing is planned (the root's statement is then its plain one).
 */
export function fieldsColumn(fields: readonly PlannedField[], n: string): Statement {
  const builder = new FieldsText();
  const map = builder.map(fields, n, '');
  return { text: map === null ? '' : `, ${map} AS fields`, params: builder.params };
}

/** A planned row as Neo4j returns it: the stored row and, with fields planned below it, their rows. */
interface PlannedStoredRow extends StoredRow {
  fields?: FieldsColumn;
}

/** The `fields` column of a root statement (fieldsColumn) as Neo4j returns it. */
export type FieldsColumn = Record<string, PlannedStoredRow[] | null>;

/**
 * The planned rows of entity `entity` (the `fields` column, or a row's `fields`) for `fields`, by response key;
 * each row's other end carries the rows planned below it, so the fields below read them from their parent. A key
 * whose fields are for other kinds than the entity's is null (its resolver never runs).
 */
export function toPlannedRows(
  entity: { id: string; kind: string },
  stored: FieldsColumn | undefined,
  fields: readonly PlannedField[],
): PlannedRows {
  const planned: Record<string, RelatedRow[] | null> = {};
  byResponseKey(fields).forEach(([key, alternatives], j) => {
    const field = alternatives.find((f) => f.onKind === null || f.onKind === entity.kind);
    const rows = stored?.[`f${j}`];
    planned[key] =
      field === undefined || rows === null || rows === undefined
        ? null
        : toRelatedRows(entity.id, rows).map((row, i) => {
            if (field.fields.length > 0) row.other.planned = toPlannedRows(row.other, rows[i]?.fields, field.fields);
            return row;
          });
  });
  return planned;
}

/**
 * Internal: the typed relationship fields a root field selects (Company.materials { suppliers { country } }), read
 * in the root's own statement as nested rows. Each field is a COLLECT subquery on the entity of the level above,
 * reading the same page findRelated reads for one entity (./related-entities.ts: conditions, order, SKIP and
 * LIMIT per entity), so the answer is exactly the one field-by-field loading gives. The planner
 * (src/resolvers/plan-selection.ts) decides which fields are planned; the statement's text depends on their
 * directions, projections and nesting only, every value is a parameter ($p0_types, $p0_limit, ...).
 */
import type { QueryRunner } from '../db/query-runner.ts';
import type { Vocabulary } from '../model/vocabulary.ts';
import { sortKeys, type SortInput } from './sort-keys.ts';
import {
  conditions,
  orderKeys,
  patternOf,
  plannedBelow,
  rowOf,
  specParams,
  toRelatedRows,
  type RelatedRow,
  type RelatedSpec,
  type StoredRow,
} from './related-entities.ts';
import { WhereCompiler, type WhereInput } from './where-filter.ts';

/**
 * A typed list field's `where` and `sort` (Company.materials(where: ..., sort: ...)): conditions on the entities it
 * reaches and the order of its rows, ahead of the default order.
 */
export interface Refinement {
  vocabulary: Vocabulary;
  /** The kind the where and sort are about (the field's one kind), or null for any kind (EntityWhere). */
  kind: string | null;
  where: WhereInput | null;
  sort: readonly SortInput[];
}

/** A typed relationship field read in a root's statement, and the typed fields planned on the entities it reaches. */
export interface PlannedField {
  /** The field's response key (its alias, or its name): the key its rows are found under in the parent row. */
  key: string;
  /** Read only for a parent entity of this kind (a fragment's type condition); null for every parent. */
  onKind: string | null;
  spec: RelatedSpec;
  /** The field's where and sort, when it has them. */
  refine?: Refinement;
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
    const item = rowOf(field.spec.projection, r, m, outgoing, this.map(field.fields, m, `${indent}  `));
    const { where, order } = this.refinement(field.refine, p, m);
    const body = `COLLECT {
${indent}  MATCH ${patternOf(field.spec.direction, n, `${r}${typesOf(field.spec)}`, m)}
${indent}  WHERE ${conditions(p, r, m).replace(/\n\s*/g, ' ')}${where}
${indent}  WITH ${r}, ${m}, startNode(${r}) = ${n} AS ${outgoing}
${indent}  ORDER BY ${[...order, ...orderKeys(r, m, outgoing)].join(', ')}
${indent}  SKIP toInteger($${p}offset) LIMIT toInteger($${p}limit)
${indent}  RETURN ${item}
${indent}}`;
    return { p, body };
  }

  /** A refinement's condition on `m` (` AND ...`, or empty) and its order keys, with parameters prefixed `p`. */
  private refinement(refine: Refinement | undefined, p: string, m: string): { where: string; order: string[] } {
    if (!refine) return { where: '', order: [] };
    const compiler = new WhereCompiler(refine.vocabulary, p);
    const { text } = compiler.compile(refine.where, refine.kind, m);
    Object.assign(this.params, compiler.params);
    return {
      where: text === 'true' ? '' : ` AND ${text}`,
      order: sortKeys(refine.vocabulary, refine.kind, refine.sort, m),
    };
  }
}

/**
 * The `fields` column of a root statement whose entity variable is `n`: `, {...} AS fields` and its parameters,
 * or an empty text when nothing is planned (the root's statement is then its plain one); `indent` is the
 * indentation of the line the column opens on.
 */
export function fieldsColumn(fields: readonly PlannedField[], n: string, indent = ''): Statement {
  return fieldsColumns([{ fields, variable: n, as: 'fields' }], indent);
}

/**
 * The `fields` columns of a root statement that returns several entities a row (a cross-reference row's company,
 * material and category): `, {...} AS <as>` for each column with fields planned, numbered as one statement.
 */
export function fieldsColumns(
  columns: ReadonlyArray<{ fields: readonly PlannedField[]; variable: string; as: string }>,
  indent = '',
): Statement {
  const builder = new FieldsText();
  const text = columns.map(({ fields, variable, as }) => {
    const map = builder.map(fields, variable, indent);
    return map === null ? '' : `, ${map} AS ${as}`;
  });
  return { text: text.join(''), params: builder.params };
}

/**
 * The `fields` column of a root statement (fieldsColumn) as Neo4j returns it; each row carries the column of the
 * fields planned below it (plannedBelow).
 */
export type FieldsColumn = Record<string, StoredRow[] | null>;

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
            const stored = rows[i];
            if (field.fields.length > 0 && stored !== undefined) {
              row.other.planned = toPlannedRows(
                row.other,
                plannedBelow(stored) as FieldsColumn | undefined,
                field.fields,
              );
            }
            return row;
          });
  });
  return planned;
}

/**
 * The rows of `fields` for each of `ids`, in one statement (the planned fields' own subqueries, under each entity):
 * how a typed field with a where or a sort is read when its root did not plan it.
 */
export async function findPlanned(
  runner: QueryRunner,
  ids: readonly string[],
  fields: readonly PlannedField[],
): Promise<Map<string, PlannedRows>> {
  const column = fieldsColumn(fields, 'n');
  const rows = await runner.read<{ id: string; kind: string; fields?: FieldsColumn }>(
    'related.refined',
    `UNWIND $ids AS id\nMATCH (n:Entity {id: id})\nRETURN id, n.kind AS kind${column.text}`,
    { ids, ...column.params },
  );
  return new Map(rows.map((row) => [row.id, toPlannedRows({ id: row.id, kind: row.kind }, row.fields, fields)]));
}

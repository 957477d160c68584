/**
 * Public contract: the names of what the schema generates for each kind's list (src/model/render-model-sdl.ts)
 * and the resolvers that answer it: Query.companies, CompanyWhere, CompanySort, CompanyConnection, ...
 */
import type { RelatedFieldSpec, TypedFieldSpec } from './typed-fields.ts';

/** The root list field of a kind: its plural, lower camel case (Company -> companies, Law -> laws). */
export function listFieldName(kind: string): string {
  const lower = `${kind.charAt(0).toLowerCase()}${kind.slice(1)}`;
  return /[^aeiou]y$/.test(lower) ? `${lower.slice(0, -1)}ies` : `${lower}s`;
}

/** The one kind a typed relationship field reaches, or null when it reaches several or any. */
export function targetKindOf(field: RelatedFieldSpec): string | null {
  return field.kinds?.length === 1 ? (field.kinds[0] ?? null) : null;
}

/** The type a typed relationship field's where, sort and aggregate are named after: its one kind, or Entity. */
export function targetOf(field: RelatedFieldSpec): string {
  return targetKindOf(field) ?? 'Entity';
}

/** Whether a field is a typed list (not single, not rows): it takes where and sort and has an aggregate. */
export function isTypedList(field: TypedFieldSpec): field is RelatedFieldSpec {
  return field.of === 'related' && !field.single && !field.rowsAs;
}

/** The sort key of a typed relationship field's count (suppliers -> suppliersCount). */
export const countSortKey = (field: string) => `${field}Count`;

/** UPPER_SNAKE of a field name: the value naming it in a GroupKey enum (fiscalYear -> FISCAL_YEAR). */
export function groupKeyName(field: string): string {
  return field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** Whether a groupBy can group by the field: a relationship field (not rows), or an Int, String or date. */
export function isGroupable(field: TypedFieldSpec): boolean {
  return field.of === 'related' ? !field.rowsAs : ['Int', 'String', 'PartialDate'].includes(field.type);
}

/**
 * Internal: the limits schema.graphql declares on its fields: `@cost(base, listSize)`, read by the cost model
 * (src/limits/cost-model.ts), and `@heavy`, read by the heavy-field gate (src/limits/heavy-field-gate.ts).
 */
import { getDirectiveValues, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';

export interface DeclaredCost {
  /** What a Query field costs before its selection. */
  base?: number;
  /** How many items a list of known size holds. */
  listSize?: number;
}

/** The `@cost` a field declares (empty when none). */
export function declaredCost(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>): DeclaredCost {
  const directive = schema.getDirective('cost');
  if (!directive || !field.astNode) return {};
  return (getDirectiveValues(directive, field.astNode) ?? {}) as DeclaredCost;
}

/** The fields marked `@heavy`, by type name. */
export function heavyFields(schema: GraphQLSchema): Record<string, string[]> {
  const directive = schema.getDirective('heavy');
  const byType: Record<string, string[]> = {};
  if (!directive) return byType;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const fields = Object.values(type.getFields())
      .filter((field) => field.astNode && getDirectiveValues(directive, field.astNode) !== undefined)
      .map((field) => field.name);
    if (fields.length > 0) byType[type.name] = fields;
  }
  return byType;
}

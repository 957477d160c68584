/**
 * Internal: the limits schema.graphql declares on its fields: `@cost(base, listSize)`, read by the cost model
 * (src/limits/cost-model.ts), which also decides which operations are heavy (src/limits/admission-control.ts).
 */
import { getDirectiveValues, type GraphQLField, type GraphQLSchema } from 'graphql';

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

/**
 * Public contract: the schema's abstract types and the object types that implement them, in the form Apollo
 * Client's `possibleTypes` and urql's graphcache take (`GET /possible-types.json`), so a fragment on `Entity` or
 * `Node` matches every kind in a normalised cache. Derived from the served schema, so a kind added to the model is
 * in it without an edit.
 */
import { buildSchema, isAbstractType } from 'graphql';

export const POSSIBLE_TYPES_PATH = '/possible-types.json';

/** `{ Entity: ['Agreement', ...], Node: ['Agreement', ..., 'Document'] }`, each list sorted. */
export function possibleTypesOf(typeDefs: string): Record<string, string[]> {
  const schema = buildSchema(typeDefs);
  const result: Record<string, string[]> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !isAbstractType(type)) continue;
    result[type.name] = schema
      .getPossibleTypes(type)
      .map((t) => t.name)
      .sort();
  }
  return result;
}

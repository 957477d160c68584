/**
 * Internal: the declared type of each node or edge attribute, for formats that declare them (GraphML keys): the
 * narrowest type every value fits. GEXF declarations come from graphology-gexf's own inference, which follows the
 * same rule.
 */
import type { ElementAttributes } from './element-attributes.ts';

export type AttributeType = 'boolean' | 'long' | 'double' | 'string';

function typeOf(value: unknown): AttributeType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  return 'string';
}

function widen(a: AttributeType, b: AttributeType): AttributeType {
  if (a === b) return a;
  if ((a === 'long' && b === 'double') || (a === 'double' && b === 'long')) return 'double';
  return 'string';
}

/** Attribute names in first-seen order, each with its declared type. */
export function inferAttributeTypes(elements: Iterable<ElementAttributes>): Map<string, AttributeType> {
  const types = new Map<string, AttributeType>();
  for (const attributes of elements) {
    for (const [name, value] of Object.entries(attributes)) {
      const type = typeOf(value);
      const known = types.get(name);
      types.set(name, known === undefined ? type : widen(known, type));
    }
  }
  return types;
}

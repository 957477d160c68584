/**
 * Public contract: how a kind declares its typed GraphQL fields (Company.materials, Budget.amount, ...). The
 * vocabulary declares them once; schema.graphql's kind types and the resolvers are both derived from these specs
 * (src/model/render-model-sdl.ts, src/resolvers/kind-resolvers.ts).
 */
import type { PropertyType } from './property-keys.ts';

/** Follows relationships from the entity to the entities at their other end. */
export interface RelatedFieldSpec {
  of: 'related';
  description: string;
  /** OUT: the entity is the relationship's source; IN: its target. */
  direction: 'OUT' | 'IN';
  types: readonly string[];
  /** Kinds allowed at the other end; all when omitted. With exactly one kind the field returns that type. */
  kinds?: readonly string[];
  /** The field returns one entity (the first by name), not a list. */
  single?: boolean;
  /** The field takes `asOf` (for links that change over time); the text describes the argument. */
  asOf?: string;
  /** The field returns the relationships themselves as this GraphQL type (e.g. Subsidy), not the entities. */
  rowsAs?: 'Subsidy';
}

/** Reads a typed value from the entity's stored properties. */
export interface PropertyFieldSpec {
  of: 'property';
  description: string;
  type: PropertyType;
  /** The stored property key (a Money reads `currency` and `approximate` beside it). */
  key: string;
}

export type TypedFieldSpec = RelatedFieldSpec | PropertyFieldSpec;

export function related(description: string, spec: Omit<RelatedFieldSpec, 'of' | 'description'>): RelatedFieldSpec {
  return { of: 'related', description, ...spec };
}

export function property(description: string, type: PropertyType, key: string): PropertyFieldSpec {
  return { of: 'property', description, type, key };
}

/** The most items a typed list field returns (its `first` argument, 1 to this; the default too). */
export const MAX_TYPED_LIST = 500;

/** The GraphQL type a related field returns. */
export function relatedFieldType(spec: RelatedFieldSpec): string {
  const item = spec.rowsAs ?? (spec.kinds?.length === 1 ? spec.kinds[0] : 'Entity');
  return spec.single ? `${item}` : `[${item}!]!`;
}

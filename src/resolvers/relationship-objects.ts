/**
 * Internal: the object types that wrap a relationship or a citation (Relationship, RelationshipEdge, Subsidy,
 * Citation, CrossReferenceRow, Fact), and money read from stored properties.
 */
import type { Resolvers } from '../generated/graphql.ts';
import { dateOf } from '../model/property-keys.ts';
import { documentOf } from './entity-fields.ts';

/** A Money from `key` and the `currency` (and `approximate`) beside it; null unless both are there. */
export function moneyOf(props: Record<string, unknown>, key: string) {
  const amount = props[key];
  if (typeof amount !== 'number' || typeof props['currency'] !== 'string') return null;
  return { amount, currency: props['currency'], approximate: props['approximate'] === true };
}

export const relationshipObjectResolvers: Pick<
  Resolvers,
  'Citation' | 'RelationshipEdge' | 'Subsidy' | 'Relationship' | 'CrossReferenceRow'
> = {
  Citation: {
    document: (citation, _args, context) => documentOf(citation.documentId, context),
  },
  RelationshipEdge: {
    type: (row) => row.relationship.type,
    node: (row) => row.other,
  },
  Subsidy: {
    grantor: (row) => row.other,
    amount: (row) => moneyOf(row.relationship.properties, 'amount'),
    maxAmount: (row) => moneyOf(row.relationship.properties, 'maxAmount'),
    date: (row) => dateOf(row.relationship.properties),
    sources: (row) => row.relationship.sources,
  },
  Relationship: {
    properties: (row) => row.properties,
  },
  CrossReferenceRow: {
    linkType: (link) => link.relationship.type,
    // Read in the page's statement whenever selected (src/resolvers/query/cross-reference.ts).
    program: (link) => link.program ?? null,
    date: (link) => dateOf(link.relationship.properties),
    sources: (link) => link.relationship.sources,
  },
};

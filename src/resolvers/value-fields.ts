/**
 * Internal: typed fields read from an entity's stored properties (dates, money, figures), and the object types
 * that wrap a relationship (Relationship, RelationshipEdge, Subsidy, Citation).
 */
import type { RequestContext } from '../context.ts';
import type { CitationRow, EntityRow, RelationshipRow } from '../graph/rows.ts';
import type { RelatedRow } from '../loaders/create-related-loader.ts';
import { documentOf } from './entity-fields.ts';

type Props = Record<string, unknown>;

const numberOrNull = (value: unknown) => (typeof value === 'number' ? value : null);
const stringOrNull = (value: unknown) => (value === undefined || value === null ? null : String(value));

/** A date as the source gives it: the property `date`, else `since`, else `asOf`. */
export function dateOf(props: Props): string | null {
  return stringOrNull(props['date'] ?? props['since'] ?? props['asOf']);
}

export function moneyOf(props: Props, key: 'amount' | 'maxAmount') {
  const amount = props[key];
  if (typeof amount !== 'number' || typeof props['currency'] !== 'string') return null;
  return { amount, currency: props['currency'], approximate: props['approximate'] === true };
}

const date = (entity: EntityRow) => dateOf(entity.properties);

/** Kind -> field -> resolver over stored properties. Mirrors schema.graphql. */
export const valueFieldResolvers = {
  Agreement: { date },
  Meeting: { date },
  Law: { date },
  Policy: { date },
  Budget: {
    amount: (entity: EntityRow) => moneyOf(entity.properties, 'amount'),
    maxAmount: (entity: EntityRow) => moneyOf(entity.properties, 'maxAmount'),
    fiscalYear: (entity: EntityRow) => numberOrNull(entity.properties['fiscalYear']),
    share: (entity: EntityRow) => numberOrNull(entity.properties['share']),
  },
  Target: {
    value: (entity: EntityRow) => numberOrNull(entity.properties['value']),
    unit: (entity: EntityRow) => stringOrNull(entity.properties['unit']),
    date,
  },
  Indicator: {
    value: (entity: EntityRow) => numberOrNull(entity.properties['value']),
    unit: (entity: EntityRow) => stringOrNull(entity.properties['unit']),
    share: (entity: EntityRow) => numberOrNull(entity.properties['share']),
    date,
  },
};

export const relationshipObjectResolvers = {
  Citation: {
    document: (citation: CitationRow, _args: unknown, context: RequestContext) =>
      documentOf(citation.documentId, context),
  },
  RelationshipEdge: {
    type: (row: RelatedRow) => row.relationship.type,
    node: (row: RelatedRow) => row.other,
  },
  Subsidy: {
    grantor: (row: RelatedRow) => row.other,
    amount: (row: RelatedRow) => moneyOf(row.relationship.properties, 'amount'),
    maxAmount: (row: RelatedRow) => moneyOf(row.relationship.properties, 'maxAmount'),
    date: (row: RelatedRow) => dateOf(row.relationship.properties),
    sources: (row: RelatedRow) => row.relationship.sources,
  },
  Relationship: {
    properties: (row: RelationshipRow) => row.properties,
  },
};

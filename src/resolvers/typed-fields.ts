/**
 * Internal: the typed layer's fields (Company.materials, Material.suppliers, Framework.members, ...), declared as
 * which relationships to follow from the entity. Every one resolves through the related loader: one statement
 * per field and nesting level for all parent entities together.
 */
import type { RequestContext } from '../context.ts';
import type { EntityRow } from '../graph/rows.ts';
import type { Direction, RelatedRow } from '../loaders/create-related-loader.ts';
import type { EntityKind, RelationshipType } from '../model/vocabulary.ts';
import { asOfBound } from './arguments.ts';

interface FieldSpec {
  direction: Exclude<Direction, 'BOTH'>;
  types: RelationshipType[];
  /** Kinds allowed at the other end; all when omitted. */
  kinds?: EntityKind[];
  /** The field returns one entity (the first by name) rather than a list. */
  single?: boolean;
  /** The field returns the related rows themselves (Subsidy), not the entities. */
  rows?: boolean;
}

const SUPPLY_LINKS: RelationshipType[] = ['APPROVED_SUPPLY_PLAN_FOR', 'PRODUCES', 'DEVELOPS'];
const MEMBERSHIP: RelationshipType[] = ['MEMBER_OF', 'PARTICIPATED_IN'];

/** Kind -> field -> what to follow. Mirrors the typed fields in schema.graphql. */
export const TYPED_FIELDS: Partial<Record<EntityKind, Record<string, FieldSpec>>> = {
  Country: {
    companies: { direction: 'IN', types: ['BASED_IN'], kinds: ['Company'] },
    memberships: { direction: 'OUT', types: MEMBERSHIP },
  },
  Bloc: { members: { direction: 'IN', types: ['MEMBER_OF'] } },
  Location: {
    occupants: { direction: 'IN', types: ['LOCATED_IN'] },
    within: { direction: 'OUT', types: ['LOCATED_IN'] },
  },
  Organization: {
    country: { direction: 'OUT', types: ['BASED_IN'], kinds: ['Country'], single: true },
    administers: { direction: 'OUT', types: ['ADMINISTERS'] },
  },
  Company: {
    country: { direction: 'OUT', types: ['BASED_IN'], kinds: ['Country'], single: true },
    materials: { direction: 'OUT', types: SUPPLY_LINKS, kinds: ['Material'] },
    facilities: { direction: 'OUT', types: ['OPERATES'], kinds: ['Facility'] },
    parentCompanies: { direction: 'OUT', types: ['SUBSIDIARY_OF'], kinds: ['Company'] },
    subsidiaries: { direction: 'IN', types: ['SUBSIDIARY_OF'], kinds: ['Company'] },
  },
  Framework: {
    members: { direction: 'IN', types: MEMBERSHIP },
    leaders: { direction: 'IN', types: ['LEADS', 'ESTABLISHED'] },
    parts: { direction: 'IN', types: ['PART_OF'] },
    covers: { direction: 'OUT', types: ['COVERS'] },
  },
  Agreement: { parties: { direction: 'IN', types: ['PARTY_TO'] } },
  Meeting: {
    participants: { direction: 'IN', types: ['PARTICIPATED_IN'] },
    outcomes: { direction: 'OUT', types: ['PRODUCED'] },
  },
  Law: { designates: { direction: 'OUT', types: ['DESIGNATES'], kinds: ['Material'] } },
  Policy: { targets: { direction: 'OUT', types: ['TARGETS'] } },
  Program: {
    administeredBy: { direction: 'IN', types: ['ADMINISTERS'] },
    fundedBy: { direction: 'IN', types: ['FUNDS', 'ALLOCATED_TO'], kinds: ['Budget'] },
  },
  Budget: { allocatedTo: { direction: 'OUT', types: ['ALLOCATED_TO', 'FUNDS'] } },
  Target: { pursuedBy: { direction: 'IN', types: ['AIMS_FOR'] } },
  Indicator: { measures: { direction: 'OUT', types: ['MEASURES'] } },
  Material: {
    category: { direction: 'OUT', types: ['PART_OF'], kinds: ['Material'], single: true },
    subMaterials: { direction: 'IN', types: ['PART_OF'], kinds: ['Material'] },
    suppliers: { direction: 'IN', types: SUPPLY_LINKS, kinds: ['Company'] },
    designatedBy: { direction: 'IN', types: ['DESIGNATES'] },
  },
  Technology: { developers: { direction: 'IN', types: ['DEVELOPS', 'PRODUCES'] } },
  Topic: { coveredBy: { direction: 'IN', types: ['COVERS'] } },
  Facility: {
    operators: { direction: 'IN', types: ['OPERATES'] },
    locations: { direction: 'OUT', types: ['LOCATED_IN'] },
    subsidies: { direction: 'IN', types: ['SUBSIDIZES'], rows: true },
  },
};

type FieldResolver = (entity: EntityRow, args: { asOf?: string | null }, context: RequestContext) => Promise<unknown>;

function resolverFor(spec: FieldSpec): FieldResolver {
  return async (entity, args, { related }) => {
    const rows: RelatedRow[] = await related({
      direction: spec.direction,
      types: spec.types,
      kinds: spec.kinds ?? null,
      asOf: asOfBound(args.asOf),
    }).load(entity.id);
    if (spec.rows) return rows;
    // One entity may be linked several ways (approved plan and production): list it once.
    const unique = [...new Map(rows.map((row) => [row.other.id, row.other])).values()];
    return spec.single ? (unique[0] ?? null) : unique;
  };
}

export const typedFieldResolvers: Partial<Record<EntityKind, Record<string, FieldResolver>>> = Object.fromEntries(
  Object.entries(TYPED_FIELDS).map(([kind, fields]) => [
    kind,
    Object.fromEntries(Object.entries(fields).map(([field, spec]) => [field, resolverFor(spec)])),
  ]),
);

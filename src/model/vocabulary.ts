/**
 * Public contract: the knowledge model, in one place. The kinds of entity (one Neo4j label and one GraphQL type
 * each, with their typed fields), and the relationship types with the kinds each joins. Everything else is
 * derived from it: data files are validated against it; schema.graphql's EntityKind and RelationshipType enums
 * and its kind types are generated from it (`npm run codegen`; `npm run check` fails on drift); so are the kind
 * types' resolvers.
 *
 * An entity id is `<prefix>:<slug>` where the prefix belongs to the entity's kind (e.g. `company:tsmc`).
 * Adding a kind, a relationship type or a typed field is one edit here, then `npm run codegen`.
 */
import { property, related, type TypedFieldSpec } from './typed-fields.ts';

export interface KindSpec {
  prefix: string;
  description: string;
  /** Typed GraphQL fields beyond the Entity interface's. */
  fields: Readonly<Record<string, TypedFieldSpec>>;
}

export interface RelationshipTypeSpec {
  /** Kinds allowed at the source; '*' for any. */
  from: readonly string[];
  /** Kinds allowed at the target; '*' for any. */
  to: readonly string[];
  description: string;
}

/** A knowledge model: what the loader, the schema and the resolvers are built from. */
export interface Vocabulary {
  kinds: Readonly<Record<string, KindSpec>>;
  relationshipTypes: Readonly<Record<string, RelationshipTypeSpec>>;
}

const SUPPLY_LINKS = ['APPROVED_SUPPLY_PLAN_FOR', 'PRODUCES', 'DEVELOPS'] as const;
const MEMBERSHIP = ['MEMBER_OF', 'PARTICIPATED_IN'] as const;

export const ENTITY_KINDS = {
  Country: {
    prefix: 'country',
    description: 'A sovereign state or economy (e.g. Japan, Taiwan).',
    fields: {
      companies: related('Companies based in this country, as the source states it.', {
        direction: 'IN',
        types: ['BASED_IN'],
        kinds: ['Company'],
      }),
      memberships: related('Frameworks and bodies this country is a member of or takes part in.', {
        direction: 'OUT',
        types: MEMBERSHIP,
        asOf: 'Keep only memberships that held on this date.',
      }),
    },
  },
  Bloc: {
    prefix: 'bloc',
    description: 'A group of countries named as a group (ASEAN, the Pacific Island countries, the European Union).',
    fields: {
      members: related('Countries that are members of this bloc.', { direction: 'IN', types: ['MEMBER_OF'] }),
    },
  },
  Location: {
    prefix: 'location',
    description: 'A sub-national place: prefecture, city, region, campus.',
    fields: {
      occupants: related('What is located here (facilities, organisations).', {
        direction: 'IN',
        types: ['LOCATED_IN'],
      }),
      within: related('The larger place or country this one lies in.', { direction: 'OUT', types: ['LOCATED_IN'] }),
    },
  },
  Organization: {
    prefix: 'org',
    description:
      'A government body, agency, public corporation, research institute, university or committee (METI, NEDO, RIKEN, IMEC).',
    fields: {
      country: related('The country this organisation belongs to.', {
        direction: 'OUT',
        types: ['BASED_IN'],
        kinds: ['Country'],
        single: true,
      }),
      administers: related('Programmes, policies and budgets this organisation administers.', {
        direction: 'OUT',
        types: ['ADMINISTERS'],
      }),
    },
  },
  Company: {
    prefix: 'company',
    description: 'A private enterprise, subsidiary or joint venture.',
    fields: {
      country: related('The country the company is based in, where the source states it.', {
        direction: 'OUT',
        types: ['BASED_IN'],
        kinds: ['Country'],
        single: true,
      }),
      materials: related('Materials the company has an approved supply plan for, produces or develops.', {
        direction: 'OUT',
        types: SUPPLY_LINKS,
        kinds: ['Material'],
        asOf: 'Keep only links that held on this date.',
      }),
      facilities: related('Facilities the company operates.', {
        direction: 'OUT',
        types: ['OPERATES'],
        kinds: ['Facility'],
      }),
      parentCompanies: related('Companies this one is a subsidiary, group company or joint venture of.', {
        direction: 'OUT',
        types: ['SUBSIDIARY_OF'],
        kinds: ['Company'],
      }),
      subsidiaries: related('Subsidiaries, group companies and joint ventures of this company.', {
        direction: 'IN',
        types: ['SUBSIDIARY_OF'],
        kinds: ['Company'],
      }),
    },
  },
  Framework: {
    prefix: 'framework',
    description:
      'A multilateral or bilateral cooperation framework, partnership, or one of its pillars, bodies or working groups (IPEF, MSP, JUCIP).',
    fields: {
      members: related('Countries, blocs and organisations that are members of or take part in it.', {
        direction: 'IN',
        types: MEMBERSHIP,
        asOf: 'Keep only memberships that held on this date.',
      }),
      leaders: related('Who leads, launched or established it.', {
        direction: 'IN',
        types: ['LEADS', 'ESTABLISHED'],
      }),
      parts: related('Its pillars, bodies, working groups and areas (entities PART_OF it).', {
        direction: 'IN',
        types: ['PART_OF'],
        asOf: 'Keep only parts that held on this date.',
      }),
      covers: related('What it covers (areas, materials, technologies).', {
        direction: 'OUT',
        types: ['COVERS'],
        asOf: 'Keep only coverage that held on this date.',
      }),
    },
  },
  Agreement: {
    prefix: 'agreement',
    description: 'A signed agreement, memorandum of understanding or cooperation, licence or set of agreed principles.',
    fields: {
      date: property('When it was signed or agreed, as precisely as the source gives it.', 'PartialDate', 'date'),
      parties: related('Countries, organisations and companies that are parties to it.', {
        direction: 'IN',
        types: ['PARTY_TO'],
      }),
    },
  },
  Meeting: {
    prefix: 'meeting',
    description: 'A summit, ministerial meeting or conference held at a date.',
    fields: {
      date: property('When it was held, as precisely as the source gives it.', 'PartialDate', 'date'),
      participants: related('Who took part.', { direction: 'IN', types: ['PARTICIPATED_IN'] }),
      outcomes: related('What it produced or adopted.', { direction: 'OUT', types: ['PRODUCED'] }),
    },
  },
  Law: {
    prefix: 'law',
    description: 'An act, decree or other legal instrument, including its revisions.',
    fields: {
      date: property('When it was enacted or issued, as precisely as the source gives it.', 'PartialDate', 'date'),
      designates: related('Materials this law designates as (specific) critical materials.', {
        direction: 'OUT',
        types: ['DESIGNATES'],
        kinds: ['Material'],
      }),
    },
  },
  Policy: {
    prefix: 'policy',
    description: 'A government policy, strategy, guideline, criterion, export control or set of measures.',
    fields: {
      date: property('When it was adopted or announced, as precisely as the source gives it.', 'PartialDate', 'date'),
      targets: related('What it targets (countries, materials, companies), with dates where the source gives them.', {
        direction: 'OUT',
        types: ['TARGETS'],
        asOf: 'Keep only targets that held on this date.',
      }),
    },
  },
  Program: {
    prefix: 'program',
    description: 'A funded programme, project, fund or support scheme (subsidies, loans, R&D projects).',
    fields: {
      administeredBy: related('Who administers or distributes it.', { direction: 'IN', types: ['ADMINISTERS'] }),
      fundedBy: related('Budgets that fund it.', {
        direction: 'IN',
        types: ['FUNDS', 'ALLOCATED_TO'],
        kinds: ['Budget'],
      }),
    },
  },
  Budget: {
    prefix: 'budget',
    description: 'An amount of money allocated, budgeted, invested or capped, with amount, currency and fiscal year.',
    fields: {
      amount: property('The amount, when the source gives one.', 'Money', 'amount'),
      maxAmount: property(
        'The ceiling, when the source gives an upper limit (up to ...) rather than an amount.',
        'Money',
        'maxAmount',
      ),
      fiscalYear: property('The fiscal year of the budget.', 'Int', 'fiscalYear'),
      share: property('Share of a larger total, as a percentage.', 'Float', 'share'),
      allocatedTo: related('What this money is allocated to or funds.', {
        direction: 'OUT',
        types: ['ALLOCATED_TO', 'FUNDS'],
      }),
    },
  },
  Target: {
    prefix: 'target',
    description: 'A quantified goal for a date (capacity, production, tonnage).',
    fields: {
      value: property('The figure aimed for.', 'Float', 'value'),
      unit: property('Unit of the figure (GWh/year, t/year, ...).', 'String', 'unit'),
      date: property('When it is to be reached.', 'PartialDate', 'date'),
      pursuedBy: related('Who pursues this target.', { direction: 'IN', types: ['AIMS_FOR'] }),
    },
  },
  Indicator: {
    prefix: 'indicator',
    description: 'A measured figure at a date: a dependency rate, a market share, a capacity, a count.',
    fields: {
      value: property('The figure (for shares, see share).', 'Float', 'value'),
      unit: property('Unit of value.', 'String', 'unit'),
      share: property('A percentage, for shares and rates.', 'Float', 'share'),
      date: property('When the figure was measured.', 'PartialDate', 'date'),
      measures: related('What the figure measures.', { direction: 'OUT', types: ['MEASURES'] }),
    },
  },
  Material: {
    prefix: 'material',
    description:
      'A critical material or a specific item of one (a product, component, equipment, chemical or mineral).',
    fields: {
      category: related(
        'The broader material this item is PART_OF, one level up (Neon -> Rare gas); null for a top-level material. Not the designated critical-material category of CrossReferenceRow.category.',
        { direction: 'OUT', types: ['PART_OF'], kinds: ['Material'], single: true },
      ),
      subMaterials: related('The more specific items of this material.', {
        direction: 'IN',
        types: ['PART_OF'],
        kinds: ['Material'],
      }),
      suppliers: related('Companies with an approved supply plan for, or producing, this material.', {
        direction: 'IN',
        types: SUPPLY_LINKS,
        kinds: ['Company'],
        asOf: 'Keep only links that held on this date.',
      }),
      designatedBy: related('Laws and policies that designate it as a critical material.', {
        direction: 'IN',
        types: ['DESIGNATES'],
      }),
    },
  },
  Technology: {
    prefix: 'technology',
    description: 'A technology or process node (2nm GAA logic, FIN-FET, EUV).',
    fields: {
      developers: related('Who develops or produces it.', { direction: 'IN', types: ['DEVELOPS', 'PRODUCES'] }),
    },
  },
  Topic: {
    prefix: 'topic',
    description: 'A field or area of cooperation (quantum, bio, digital economy).',
    fields: {
      coveredBy: related('Frameworks, agreements and meetings that cover this area.', {
        direction: 'IN',
        types: ['COVERS'],
        asOf: 'Keep only coverage that held on this date.',
      }),
    },
  },
  Facility: {
    prefix: 'facility',
    description: 'A plant, factory, pilot line, research centre or other site.',
    fields: {
      operators: related('Who operates it.', { direction: 'IN', types: ['OPERATES'] }),
      locations: related('Where it is.', { direction: 'OUT', types: ['LOCATED_IN'] }),
      subsidies: related('Subsidies decided for it, with ceilings and dates.', {
        direction: 'IN',
        types: ['SUBSIDIZES'],
        rowsAs: 'Subsidy',
      }),
    },
  },
} as const satisfies Record<string, KindSpec>;

export type EntityKind = keyof typeof ENTITY_KINDS;

/** The relationship types that make a company-material link (the cross-reference, Company.materials). */
export const SUPPLY_LINK_TYPES: readonly RelationshipType[] = SUPPLY_LINKS;

/**
 * Relationship types. `from`/`to` list the kinds allowed at each end ('*' for any kind).
 * Direction reads as a sentence: (from) TYPE (to).
 */
export const RELATIONSHIP_TYPES = {
  // Membership, structure, geography
  MEMBER_OF: {
    from: ['Country', 'Bloc', 'Organization'],
    to: ['Framework', 'Bloc', 'Organization'],
    description: 'Is a member or participant of.',
  },
  PART_OF: {
    from: ['*'],
    to: ['*'],
    description: 'Is a component, pillar, body, working group, phase or sub-item of.',
  },
  LOCATED_IN: {
    from: ['Facility', 'Location', 'Organization', 'Company'],
    to: ['Location', 'Country'],
    description: 'Is located in.',
  },
  BASED_IN: {
    from: ['Company', 'Organization'],
    to: ['Country'],
    description: 'Is a company or organisation of this country.',
  },
  SUBSIDIARY_OF: {
    from: ['Company'],
    to: ['Company'],
    description: 'Is a subsidiary, group company or joint venture of.',
  },
  OPERATES: {
    from: ['Company', 'Organization'],
    to: ['Facility'],
    description: 'Operates, builds or owns this facility.',
  },
  LEADS: {
    from: ['Country', 'Organization'],
    to: ['Framework', 'Meeting', 'Program', 'Policy'],
    description: 'Leads, launched or is in charge of.',
  },
  ESTABLISHED: {
    from: ['Country', 'Organization', 'Company'],
    to: ['*'],
    description: 'Established, founded or created.',
  },
  // Agreements, meetings, cooperation
  PARTY_TO: {
    from: ['Country', 'Bloc', 'Organization', 'Company'],
    to: ['Agreement'],
    description: 'Signed or is a party to.',
  },
  PARTICIPATED_IN: {
    from: ['Country', 'Bloc', 'Organization', 'Company'],
    to: ['Meeting', 'Framework', 'Program'],
    description: 'Took part in.',
  },
  COOPERATES_WITH: {
    from: ['*'],
    to: ['*'],
    description: 'Cooperates or partners with (joint R&D, engineer deployment).',
  },
  PRODUCED: {
    from: ['Meeting', 'Framework'],
    to: ['*'],
    description: 'Produced, agreed or adopted (an agreement, a body, an area).',
  },
  BASED_ON: { from: ['*'], to: ['*'], description: 'Was made on the basis of, or follows from.' },
  COVERS: {
    from: ['*'],
    to: ['Topic', 'Material', 'Technology'],
    description: 'Covers this area, material or technology.',
  },
  // Law and policy
  ENACTED: { from: ['Country', 'Organization'], to: ['Law', 'Policy'], description: 'Enacted, issued or announced.' },
  IMPLEMENTS: {
    from: ['Law', 'Policy', 'Program'],
    to: ['Law', 'Policy', 'Program'],
    description: 'Implements or is issued under.',
  },
  AMENDS: { from: ['Law'], to: ['Law'], description: 'Revises or amends.' },
  DESIGNATES: {
    from: ['Law', 'Policy', 'Organization'],
    to: ['Material'],
    description: 'Designates as a (specific) critical material.',
  },
  TARGETS: {
    from: ['Policy', 'Law', 'Program'],
    to: ['Country', 'Material', 'Company', 'Topic', 'Technology'],
    description: 'Is aimed at or applies to.',
  },
  ADMINISTERS: {
    from: ['Organization'],
    to: ['Program', 'Policy', 'Law', 'Budget'],
    description: 'Administers, runs or distributes.',
  },
  // Money and targets
  FUNDS: {
    from: ['Budget', 'Organization', 'Company', 'Country'],
    to: ['*'],
    description: 'Provides money to (with amount, share, ceiling as properties).',
  },
  ALLOCATED_TO: { from: ['Budget'], to: ['*'], description: 'This budget is allocated to (with amount and share).' },
  SUBSIDIZES: {
    from: ['Organization', 'Program', 'Budget'],
    to: ['Facility', 'Company', 'Program'],
    description: 'Decided or grants a subsidy to (amount, ceiling, date).',
  },
  INVESTS_IN: { from: ['Company', 'Organization'], to: ['*'], description: 'Invests in.' },
  MEASURES: { from: ['Indicator'], to: ['*'], description: 'This figure measures this entity.' },
  AIMS_FOR: { from: ['*'], to: ['Target'], description: 'Pursues this target.' },
  REQUIRES: {
    from: ['Target', 'Program', 'Policy'],
    to: ['Material', 'Budget'],
    description: 'Needs (with quantity and unit).',
  },
  // Supply chain
  APPROVED_SUPPLY_PLAN_FOR: {
    from: ['Company'],
    to: ['Material'],
    description:
      'Has a stable-supply plan for this critical-material item approved by the minister in charge (Tables 1 and 2).',
  },
  PRODUCES: {
    from: ['Company', 'Facility'],
    to: ['Material', 'Technology'],
    description: 'Produces or plans to produce.',
  },
  DEVELOPS: {
    from: ['Company', 'Organization', 'Program'],
    to: ['Technology', 'Material', 'Facility'],
    description: 'Develops (R&D).',
  },
  LICENSES_FROM: {
    from: ['Company', 'Organization'],
    to: ['Company', 'Organization'],
    description: 'Acquires a technology licence from.',
  },
  DEPENDS_ON: { from: ['Country', 'Company', 'Material'], to: ['*'], description: 'Depends on (imports, supply).' },
  SELECTED: {
    from: ['Organization', 'Program'],
    to: ['Company', 'Organization'],
    description: 'Selected as operator or recipient.',
  },
  CONCERNS: {
    from: ['*'],
    to: ['*'],
    description: 'Is about or relates to (only where the paper makes no more specific link).',
  },
} as const satisfies Record<string, RelationshipTypeSpec>;

export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;

/** This server's knowledge model. */
export const VOCABULARY: Vocabulary = { kinds: ENTITY_KINDS, relationshipTypes: RELATIONSHIP_TYPES };

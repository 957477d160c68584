/**
 * The knowledge model's vocabulary: the kinds of entity (one Neo4j label each) and the relationship types.
 * Public contract: data files are validated against it, and schema.graphql mirrors the kinds.
 *
 * An entity id is `<prefix>:<slug>` where the prefix belongs to the entity's kind (e.g. `company:tsmc`).
 */

export const ENTITY_KINDS = {
  Country: { prefix: 'country', description: 'A sovereign state or economy (e.g. Japan, Taiwan).' },
  Bloc: {
    prefix: 'bloc',
    description: 'A group of countries named as a group (ASEAN, the Pacific Island countries, the European Union).',
  },
  Location: { prefix: 'location', description: 'A sub-national place: prefecture, city, region, campus.' },
  Organization: {
    prefix: 'org',
    description:
      'A government body, agency, public corporation, research institute, university or committee (METI, NEDO, RIKEN, IMEC).',
  },
  Company: { prefix: 'company', description: 'A private enterprise, subsidiary or joint venture.' },
  Framework: {
    prefix: 'framework',
    description:
      'A multilateral or bilateral cooperation framework, partnership, or one of its pillars, bodies or working groups (IPEF, MSP, JUCIP).',
  },
  Agreement: {
    prefix: 'agreement',
    description: 'A signed agreement, memorandum of understanding or cooperation, licence or set of agreed principles.',
  },
  Meeting: { prefix: 'meeting', description: 'A summit, ministerial meeting or conference held at a date.' },
  Law: { prefix: 'law', description: 'An act, decree or other legal instrument, including its revisions.' },
  Policy: {
    prefix: 'policy',
    description: 'A government policy, strategy, guideline, criterion, export control or set of measures.',
  },
  Program: {
    prefix: 'program',
    description: 'A funded programme, project, fund or support scheme (subsidies, loans, R&D projects).',
  },
  Budget: {
    prefix: 'budget',
    description: 'An amount of money allocated, budgeted, invested or capped, with amount, currency and fiscal year.',
  },
  Target: { prefix: 'target', description: 'A quantified goal for a date (capacity, production, tonnage).' },
  Indicator: {
    prefix: 'indicator',
    description: 'A measured figure at a date: a dependency rate, a market share, a capacity, a count.',
  },
  Material: {
    prefix: 'material',
    description:
      'A critical material or a specific item of one (a product, component, equipment, chemical or mineral).',
  },
  Technology: { prefix: 'technology', description: 'A technology or process node (2nm GAA logic, FIN-FET, EUV).' },
  Topic: { prefix: 'topic', description: 'A field or area of cooperation (quantum, bio, digital economy).' },
  Facility: { prefix: 'facility', description: 'A plant, factory, pilot line, research centre or other site.' },
} as const satisfies Record<string, { prefix: string; description: string }>;

export type EntityKind = keyof typeof ENTITY_KINDS;

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
} as const satisfies Record<string, { from: readonly string[]; to: readonly string[]; description: string }>;

export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;

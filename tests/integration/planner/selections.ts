/**
 * Representative selections of the root fields the planner translates (src/resolvers/plan-selection.ts), shared
 * by the statement snapshots (./planned-statements.test.ts) and the EXPLAIN test. Ids are the seeded paper's.
 */
export interface Selection {
  /** Names the snapshot file. */
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The operations of the statements it costs, when not the root's one (Query.entities also counts). */
  operations?: readonly string[];
}

export const PLANNED_SELECTIONS: readonly Selection[] = [
  {
    name: 'entity-three-levels',
    query: `{ entity(id: "company:resonac") { id name ... on Company {
      materials { id name suppliers { id country { id name } } } } } }`,
  },
  {
    name: 'entities-materials-suppliers-country',
    query: `{ entities(kind: Material, first: 50) { totalCount edges { node { id ... on Material {
      suppliers { id ... on Company { country { id } } } } } } } }`,
  },
  {
    name: 'aliases-with-arguments',
    query: `query($asOf: PartialDate) { entity(id: "material:ev-batteries") { ... on Material {
      first: suppliers(first: 1) { id }
      all: suppliers { id name description }
      then: suppliers(asOf: $asOf) { id }
    } } }`,
    variables: { asOf: '2023-06' },
  },
  {
    name: 'fragments',
    query: `query { entity(id: "company:resonac") { id ...CompanyParts
      ... on Material { linked: suppliers { id } subMaterials { id } } } }
    fragment CompanyParts on Company { linked: materials { id ...MaterialParts } country { id } }
    fragment MaterialParts on Material { category { id } }`,
  },
  {
    name: 'search-with-typed-field',
    query: `{ search(text: "Resonac", kinds: [Company], first: 3) { score entity { id
      ... on Company { materials { id } country { name } } } } }`,
  },
  {
    name: 'node-by-id',
    query: `{ node(id: "company:tsmc") { id ... on Company { facilities { id
      ... on Facility { locations { id } } } } } }`,
  },
  {
    name: 'kind-list-filtered-sorted',
    query: `{ companies(
      where: { country: { some: { id: { eq: "country:japan" } } }, materials: { via: [APPROVED_SUPPLY_PLAN_FOR] } }
      sort: [{ materialsCount: DESC }], first: 10) {
      totalCount edges { node { id materials(where: { name: { contains: "semi" } }, sort: [{ name: DESC }]) { id } } } } }`,
    operations: ['Company.count', 'Company.page'],
  },
  {
    name: 'kind-list-by-id',
    query: `{ materials(where: { id: { in: ["material:neon", "material:helium"] } }) { edges { node { id
      suppliers(where: { country: { none: {} } }) { id } } } } }`,
    operations: ['Material.page'],
  },
  {
    name: 'cross-reference-rows',
    query: `{ crossReference(filter: { categories: ["material:semiconductors"] }, first: 5) { edges { node {
      company { id country { id } } material { id category { id } } category { id designatedBy { id } }
      program { id administeredBy { id } } linkType } } } }`,
    operations: ['cross-reference.page'],
  },
  {
    name: 'neighborhood-typed-fields',
    query: `{ neighborhood(id: "company:resonac", depth: 1) { center { id ... on Company { country { id } } }
      nodes { id ... on Material { suppliers { id } } } edges { type } } }`,
    operations: ['neighborhood'],
  },
];

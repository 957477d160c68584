/**
 * The supply-chain risk analytics the explorer draws (schema.graphql, "Supply-chain risk analytics";
 * docs/analytics.md): supplyRisk, disruption, centrality, paths and changes. Every call goes through the api
 * client's polite queue (two in flight, SERVER_BUSY retried); each query is a named constant, as in api.ts.
 */
import { CITATION_FIELDS, politely, type Citation, type RelationshipData, type Subgraph } from './api.ts';

interface EntityRef {
  id: string;
  name: string;
}

export interface EntitySummary extends EntityRef {
  kind: string;
}

/** The supply links a risk question may count (SupplyRiskFilter.linkTypes). */
export const SUPPLY_LINK_TYPES = ['APPROVED_SUPPLY_PLAN_FOR', 'PRODUCES', 'DEVELOPS'] as const;
export type SupplyLinkType = (typeof SUPPLY_LINK_TYPES)[number];

export type Weighting = 'LINK_COUNT' | 'STATED_SHARE';

export interface CitedLink {
  id: string;
  type: string;
  source: string;
  target: string;
  sources: Citation[];
}

export interface SupplyRiskRow {
  material: EntityRef;
  /** The designated critical-material category (the one the cross-reference orders its columns by). */
  category: EntityRef | null;
  supplierCount: number;
  countryCount: number;
  hhiByCompany: number;
  hhiByCountry: number | null;
  topCompanyShare: number;
  singleSupplier: boolean;
  singleCountry: boolean;
  overThreshold: boolean;
  weighting: Weighting;
  suppliers: Array<{ entity: EntityRef | null; share: number; linkCount: number }>;
  links: CitedLink[];
}

/** A disruption's counts cover the whole report; its lists are the first slice of each (the API's default, 100). */
export interface DisruptionReport {
  removed: EntityRef[];
  removedLinkCount: number;
  affectedCount: number;
  itemsWithoutSupplierCount: number;
  itemsWithOneSupplierCount: number;
  removedLinks: CitedLink[];
  itemsWithoutSupplier: Array<{ material: EntityRef; supplierCount: number }>;
  itemsWithOneSupplier: Array<{ material: EntityRef; suppliers: Array<{ entity: EntityRef | null }> }>;
  affected: Array<{
    material: EntityRef;
    before: { hhiByCompany: number; supplierCount: number };
    after: { hhiByCompany: number; supplierCount: number } | null;
  }>;
}

export type CentralityMeasure = 'DEGREE' | 'BETWEENNESS' | 'PAGERANK';

export interface EntityScore {
  entity: { id: string };
  score: number;
  rank: number;
}

export interface ExposurePath {
  length: number;
  nodes: EntitySummary[];
  edges: RelationshipData[];
}

export interface Change {
  change: 'STARTED' | 'ENDED';
  date: string;
  relationship: RelationshipData;
}

const LINK_FIELDS = `id type source target sources { ${CITATION_FIELDS} }`;
const RELATIONSHIP_FIELDS = `id type source target properties note sources { ${CITATION_FIELDS} }`;

export const SUPPLY_RISK_QUERY = `query SupplyRisk($filter: SupplyRiskFilter, $asOf: PartialDate, $after: String) {
  supplyRisk(filter: $filter, asOf: $asOf, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      material { id name }
      category { id name }
      supplierCount countryCount hhiByCompany hhiByCountry topCompanyShare
      singleSupplier singleCountry overThreshold weighting
      suppliers { entity { id name } share linkCount }
      links { ${LINK_FIELDS} }
    } }
  }
}`;

export const DISRUPTION_QUERY = `query Disruption($remove: [ID!]!, $filter: SupplyRiskFilter, $asOf: PartialDate) {
  disruption(remove: $remove, filter: $filter, asOf: $asOf) {
    removed { id name }
    removedLinkCount affectedCount itemsWithoutSupplierCount itemsWithOneSupplierCount
    removedLinks { ${LINK_FIELDS} }
    itemsWithoutSupplier { material { id name } supplierCount }
    itemsWithOneSupplier { material { id name } suppliers { entity { id name } } }
    affected {
      material { id name }
      before { hhiByCompany supplierCount }
      after { hhiByCompany supplierCount }
    }
  }
}`;

export const CENTRALITY_QUERY = `query Centrality($measure: CentralityMeasure!, $asOf: PartialDate) {
  centrality(measure: $measure, asOf: $asOf, first: 100) { entity { id } score rank }
}`;

export const PATHS_QUERY = `query Paths($from: ID!, $to: ID!, $k: Int!, $asOf: PartialDate) {
  paths(from: $from, to: $to, k: $k, asOf: $asOf) {
    length
    nodes { id name kind }
    edges { ${RELATIONSHIP_FIELDS} }
  }
}`;

export const CHANGES_QUERY = `query Changes($from: PartialDate!, $to: PartialDate!, $after: String) {
  changes(from: $from, to: $to, first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { change date relationship { ${RELATIONSHIP_FIELDS} } } }
  }
}`;

const CATEGORIES_QUERY = `query RiskCategories($asOf: PartialDate, $after: String) {
  supplyRisk(filter: { level: CATEGORY }, asOf: $asOf, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { material { id name } } }
  }
}`;

/** Ids per supplyRisk request: the filter takes a list, kept short so one request stays one page or two. */
const MATERIALS_PER_REQUEST = 100;
/** Pages of changes read at most (100 each): a period longer than that is listed in part, and says so. */
const MAX_CHANGE_PAGES = 5;

interface Page<N> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: N }>;
}

/** The risk rows of these material items (the items with no supply link have none), every page. */
export async function supplyRiskOf(
  materials: readonly string[],
  linkTypes: readonly SupplyLinkType[] | null,
  asOf: string | null,
  countries: readonly string[] | null = null,
): Promise<SupplyRiskRow[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < materials.length; i += MATERIALS_PER_REQUEST) {
    chunks.push(materials.slice(i, i + MATERIALS_PER_REQUEST));
  }
  const pages = await Promise.all(
    chunks.map(async (chunk) => {
      const rows: SupplyRiskRow[] = [];
      const filter = {
        materials: chunk,
        level: 'ITEM',
        ...(linkTypes !== null ? { linkTypes } : {}),
        ...(countries !== null ? { countries } : {}),
      };
      let after: string | null = null;
      for (;;) {
        const data: { supplyRisk: Page<SupplyRiskRow> } = await politely(SUPPLY_RISK_QUERY, { filter, asOf, after });
        rows.push(...data.supplyRisk.edges.map((e) => e.node));
        if (!data.supplyRisk.pageInfo.hasNextPage) return rows;
        after = data.supplyRisk.pageInfo.endCursor;
      }
    }),
  );
  return pages.flat();
}

export async function disruption(
  remove: readonly string[],
  linkTypes: readonly SupplyLinkType[] | null,
  asOf: string | null,
): Promise<DisruptionReport> {
  const filter = linkTypes !== null ? { linkTypes } : null;
  return (await politely<{ disruption: DisruptionReport }>(DISRUPTION_QUERY, { remove, filter, asOf })).disruption;
}

export async function centrality(measure: CentralityMeasure, asOf: string | null): Promise<EntityScore[]> {
  return (await politely<{ centrality: EntityScore[] }>(CENTRALITY_QUERY, { measure, asOf })).centrality;
}

export async function paths(from: string, to: string, k: number, asOf: string | null): Promise<ExposurePath[]> {
  return (await politely<{ paths: ExposurePath[] }>(PATHS_QUERY, { from, to, k, asOf })).paths;
}

/** The changes of a period, up to MAX_CHANGE_PAGES pages, with how many there are in all. */
export async function changes(from: string, to: string): Promise<{ totalCount: number; changes: Change[] }> {
  const found: Change[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (let page = 0; page < MAX_CHANGE_PAGES; page += 1) {
    const data: { changes: Page<Change> & { totalCount: number } } = await politely(CHANGES_QUERY, {
      from,
      to,
      after,
    });
    found.push(...data.changes.edges.map((e) => e.node));
    totalCount = data.changes.totalCount;
    if (!data.changes.pageInfo.hasNextPage) break;
    after = data.changes.pageInfo.endCursor;
  }
  return { totalCount, changes: found };
}

/** Aliased fields per request: the server refuses an operation with more than 30 aliases (LIMIT_EXCEEDED). */
const ALIASES_PER_REQUEST = 25;

/**
 * The kind and name of entities given by id, an aliased `entity` field per id, 25 to a request: what the drawn
 * graph needs to add the ends of a changed relationship it does not hold yet.
 */
export async function entitySummaries(ids: readonly string[]): Promise<EntitySummary[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += ALIASES_PER_REQUEST) chunks.push(ids.slice(i, i + ALIASES_PER_REQUEST));
  const answers = await Promise.all(
    chunks.map((chunk) => {
      const variables = Object.fromEntries(chunk.map((id, i) => [`e${i}`, id]));
      const query = `query EntitySummaries(${chunk.map((_, i) => `$e${i}: ID!`).join(', ')}) {
  ${chunk.map((_, i) => `e${i}: entity(id: $e${i}) { id kind name }`).join('\n  ')}
}`;
      return politely<Record<string, EntitySummary | null>>(query, variables);
    }),
  );
  return answers.flatMap((data) => Object.values(data)).filter((e): e is EntitySummary => e !== null);
}

/** Paths and changes as subgraphs the drawn graph can take in beside the neighbourhoods. */
export function pathsSubgraph(found: readonly ExposurePath[]): Subgraph {
  return { nodes: found.flatMap((p) => p.nodes), edges: found.flatMap((p) => p.edges), truncated: false };
}

/** The designated critical-material categories that have supply links on the date, every page. */
export async function riskCategories(asOf: string | null): Promise<EntityRef[]> {
  const found: EntityRef[] = [];
  let after: string | null = null;
  for (;;) {
    const data: { supplyRisk: Page<{ material: EntityRef }> } = await politely(CATEGORIES_QUERY, { asOf, after });
    found.push(...data.supplyRisk.edges.map((e) => e.node.material));
    if (!data.supplyRisk.pageInfo.hasNextPage) return found.sort((a, b) => a.name.localeCompare(b.name));
    after = data.supplyRisk.pageInfo.endCursor;
  }
}

const HUB_QUERY = `query Hub($projection: ProjectionInput, $asOf: PartialDate) {
  centrality(measure: DEGREE, projection: $projection, asOf: $asOf, first: 1) { entity { id } }
}`;
const GRAPH_KINDS_QUERY = `query GraphKinds { graphStats { kinds { kind } relationshipTypes { type } } }`;

/** A projection over every kind and relationship type the graph holds (graphStats); null for an empty graph. */
async function wholeProjection(): Promise<{ kinds: string[]; types: string[] } | null> {
  const stats: { graphStats: { kinds: Array<{ kind: string }>; relationshipTypes: Array<{ type: string }> } } =
    await politely(GRAPH_KINDS_QUERY, {});
  const kinds = stats.graphStats.kinds.map((k) => k.kind);
  const types = stats.graphStats.relationshipTypes.map((t) => t.type);
  return kinds.length === 0 || types.length === 0 ? null : { kinds, types };
}

/**
 * Where "Whole graph" starts: the entity with the most links over every kind and relationship type the graph
 * holds (`centrality` DEGREE over the whole projection); null for an empty graph.
 */
export async function wholeGraphHub(asOf: string | null): Promise<string | null> {
  const projection = await wholeProjection();
  if (projection === null) return null;
  const top: { centrality: Array<{ entity: { id: string } }> } = await politely(HUB_QUERY, { projection, asOf });
  return top.centrality[0]?.entity.id ?? null;
}

/** The communities the page groups by: the largest 30, their first 100 members (the request's cost budget). */
export const COMMUNITIES_QUERY = `query Communities($projection: ProjectionInput, $asOf: PartialDate) {
  communities(projection: $projection, asOf: $asOf, first: 30) { id members(first: 100) { edges { node { id } } } }
}`;

/** Each entity's community (Louvain over every kind and relationship type, seed 1), for the largest 30. */
export async function entityCommunities(asOf: string | null): Promise<Map<string, number>> {
  const projection = await wholeProjection();
  if (projection === null) return new Map();
  const data: { communities: Array<{ id: number; members: { edges: Array<{ node: { id: string } }> } }> } =
    await politely(COMMUNITIES_QUERY, { projection, asOf });
  return new Map(data.communities.flatMap((c) => c.members.edges.map((e) => [e.node.id, c.id] as const)));
}

const DATED_RANGE_QUERY = `query DatedRange {
  earliest: changes(from: "1000", to: "9999", first: 1) { edges { node { date } } }
  latest: changes(from: "1000", to: "9999", last: 1) { edges { node { date } } }
}`;

/**
 * The months the graph dates its relationships in: from the earliest change (a relationship starting or ending)
 * to the latest, as `changes` lists them in date order; a year counts from January or to December. Empty when
 * nothing is dated.
 */
export async function datedMonths(): Promise<{ first: string; last: string } | null> {
  type Ends = Record<'earliest' | 'latest', { edges: Array<{ node: { date: string } }> }>;
  const data: Ends = await politely(DATED_RANGE_QUERY, {});
  const first = data.earliest.edges[0]?.node.date;
  const last = data.latest.edges[0]?.node.date;
  if (first === undefined || last === undefined) return null;
  const month = (date: string, bare: string) => (/^\d{4}$/.test(date) ? `${date}-${bare}` : date.slice(0, 7));
  return { first: month(first, '01'), last: month(last, '12') };
}

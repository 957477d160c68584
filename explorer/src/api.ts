/**
 * The page's only way to the data: POST /graphql, the public API. Each query the page runs is a named constant
 * here, so "open in GraphiQL" can show exactly the query that drew the view.
 */

import pLimit from 'p-limit';

const GRAPHQL_URL = '/graphql';
/**
 * Requests the page's bulk and analytic calls keep in flight at once: the server runs few expensive operations at
 * once (an adaptive limit) and queues the rest in turn by client, so a page that sent them all together would wait.
 */
const POLITE_CONCURRENCY = 2;
const inFlight = pLimit(POLITE_CONCURRENCY);

export interface Citation {
  section: string;
  table: string | null;
  row: number | null;
  quote: string;
  document: { title: string };
}

interface EntitySummary {
  id: string;
  kind: string;
  name: string;
}

export interface RelationshipData {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
  note: string | null;
  sources: Citation[];
}

export interface Subgraph {
  nodes: EntitySummary[];
  edges: RelationshipData[];
  truncated: boolean;
}

export interface EntityDetails extends EntitySummary {
  aliases: string[];
  description: string | null;
  note: string | null;
  properties: Record<string, unknown>;
  sources: Citation[];
}

export interface SearchHit {
  score: number;
  entity: EntitySummary & { aliases: string[] };
}

export interface MatrixData {
  linkCount: number;
  truncated: boolean;
  companies: Array<EntitySummary & { country: EntitySummary | null }>;
  materials: EntitySummary[];
  cells: Array<{ companyIndex: number; materialIndex: number; count: number; linkTypes: string[] }>;
}

/** CrossReferenceFilter's fields the matrix view narrows by (absent: all). */
export interface MatrixFilter {
  categories?: string[];
  countries?: string[];
  linkTypes?: string[];
}

export interface CrossReferenceRow {
  company: EntitySummary;
  material: EntitySummary;
  category: EntitySummary | null;
  linkType: string;
  date: string | null;
  program: EntitySummary | null;
  sources: Citation[];
}

export const CITATION_FIELDS = 'section table row quote document { title }';

const SEARCH_QUERY = `query Search($text: String!, $first: Int) {
  search(text: $text, first: $first) { score entity { id kind name aliases } }
}`;

export const NEIGHBORHOOD_QUERY = `query Neighborhood($id: ID!, $depth: Int, $limit: Int, $asOf: PartialDate) {
  neighborhood(id: $id, depth: $depth, limit: $limit, asOf: $asOf) {
    truncated
    nodes { id kind name }
    edges { id type source target properties note sources { ${CITATION_FIELDS} } }
  }
}`;

const ENTITY_QUERY = `query Entity($id: ID!) {
  entity(id: $id) {
    id kind name aliases description note properties
    sources { ${CITATION_FIELDS} }
  }
}`;

export const MATRIX_QUERY = `query Matrix($filter: CrossReferenceFilter, $asOf: PartialDate) {
  crossReferenceMatrix(filter: $filter, asOf: $asOf) {
    linkCount truncated
    companies { id kind name country { id kind name } }
    materials { id kind name }
    cells { companyIndex materialIndex count linkTypes }
  }
}`;

const CELL_QUERY = `query Cell($company: ID!, $asOf: PartialDate) {
  crossReference(filter: { companies: [$company] }, asOf: $asOf, first: 100) {
    edges { node {
      company { id kind name } material { id kind name } category { id kind name }
      linkType date program { id kind name }
      sources { ${CITATION_FIELDS} }
    } }
  }
}`;

const ENTITY_IDS_QUERY = `query EntityIds($after: String) {
  entities(first: 100, after: $after, orderBy: ID_ASC) { edges { node { id } } pageInfo { hasNextPage endCursor } }
}`;

class ApiError extends Error {}

/** How often a request refused with SERVER_BUSY is tried again, after the Retry-After the server asks for. */
const BUSY_RETRIES = 3;

/** Told when a request was refused with SERVER_BUSY and will be tried again in `seconds`. */
let busyListener: ((seconds: number) => void) | null = null;

export function onServerBusy(listener: (seconds: number) => void): void {
  busyListener = listener;
}

/**
 * Runs one operation; rejects with the API's first error message when it answers with errors. A SERVER_BUSY
 * answer (HTTP 503: the server's expensive fields are all taken) is retried after its Retry-After, a few times.
 */
async function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: T;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    };
    const busy = response.status === 503 && body.errors?.some((e) => e.extensions?.code === 'SERVER_BUSY');
    if (busy && attempt < BUSY_RETRIES) {
      const seconds = Number(response.headers.get('retry-after')) || 1;
      busyListener?.(seconds);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      continue;
    }
    if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
    if (body.data === undefined) throw new ApiError(`The API answered ${response.status} without data`);
    return body.data;
  }
}

/** One operation through the shared two-in-flight queue (bulk and analytic requests), SERVER_BUSY retried. */
export function politely<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  return inFlight(() => graphql<T>(query, variables));
}

export async function search(text: string, first = 8): Promise<SearchHit[]> {
  return (await graphql<{ search: SearchHit[] }>(SEARCH_QUERY, { text, first })).search;
}

export interface NeighborhoodArgs {
  id: string;
  depth: number;
  limit: number;
  asOf: string | null;
}

export async function neighborhood(args: NeighborhoodArgs): Promise<Subgraph | null> {
  return (await graphql<{ neighborhood: Subgraph | null }>(NEIGHBORHOOD_QUERY, { ...args })).neighborhood;
}

export async function entity(id: string): Promise<EntityDetails | null> {
  return (await graphql<{ entity: EntityDetails | null }>(ENTITY_QUERY, { id })).entity;
}

export async function matrix(filter: MatrixFilter, asOf: string | null): Promise<MatrixData> {
  return (await graphql<{ crossReferenceMatrix: MatrixData }>(MATRIX_QUERY, { filter, asOf })).crossReferenceMatrix;
}

/** The links behind one matrix cell: the company's rows, kept for that material (the filter has no material). */
export async function cellRows(company: string, material: string, asOf: string | null): Promise<CrossReferenceRow[]> {
  const data = await graphql<{ crossReference: { edges: Array<{ node: CrossReferenceRow }> } }>(CELL_QUERY, {
    company,
    asOf,
  });
  return data.crossReference.edges.map((e) => e.node).filter((row) => row.material.id === material);
}

/** Every entity id, a page of 100 at a time. */
async function allEntityIds(): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: {
      entities: {
        edges: Array<{ node: { id: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } = await graphql(ENTITY_IDS_QUERY, { after });
    ids.push(...page.entities.edges.map((e) => e.node.id));
    if (!page.entities.pageInfo.hasNextPage) return ids;
    after = page.entities.pageInfo.endCursor;
  }
}

/**
 * The whole graph: the hub's 3-hop neighbourhood (500 nodes at most), then every entity it did not reach with its
 * own 1-hop neighbourhood, so islands the hub cannot reach are drawn too. Every relationship joins two reached
 * entities (both in the hub's answer, which holds all edges among its nodes) or touches an island entity (in that
 * entity's answer), so the union is the whole graph as of the date.
 */
export async function wholeGraph(hub: string, asOf: string | null): Promise<Subgraph[]> {
  const [centre, ids] = await Promise.all([neighborhood({ id: hub, depth: 3, limit: 500, asOf }), allEntityIds()]);
  const reached = new Set(centre?.nodes.map((n) => n.id) ?? []);
  const islands = ids.filter((id) => !reached.has(id));
  const rest = await Promise.all(islands.map((id) => inFlight(() => neighborhood({ id, depth: 1, limit: 500, asOf }))));
  return [centre, ...rest].filter((s): s is Subgraph => s !== null);
}

/**
 * The fixed question mix of the scale benchmark, each asked three ways: (a) our GraphQL API, (b) the API
 * @neo4j/graphql generates (or why it cannot ask it), (c) raw Cypher through neo4j-driver, the floor. Each way
 * has a normaliser that turns its answer into a sorted list of ids, so the harness can check that every system
 * answers the same before it times them.
 */
import { encodeCursor } from '../../src/resolvers/pagination.ts';
import { searchWords, toLuceneQuery } from '../../src/graph/search-entities.ts';
import { buildListQuestions } from './list-questions.ts';
import { buildRiskQuestions } from './risk-questions.ts';

/** What the questions are about, chosen from the generated graph (see pick-subjects.ts). */
export interface Subjects {
  /** A company with at least three materials, none of them a hub (so the answer stays a similar size). */
  company: string;
  companyName: string;
  /** The country with the most relationships. */
  hubCountry: string;
  /** A category of critical materials, and the offset of a deep page of its cross-reference. */
  category: string;
  deepOffset: number;
  /** The far end of the shortest-path question. */
  pathTo: string;
  /** The category with the most material items (the generator's hub category). */
  hubCategory: string;
  /** Relationships in the supply-network projection (what the analytics cap counts). */
  supplyNetworkRelationships: number;
}

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, shaped by each schema
export interface GraphqlAsk {
  query: string;
  variables: Record<string, unknown>;
  answer: (data: Json) => string[];
  /**
   * Error codes that are an answer rather than a failure (LIMIT_EXCEEDED above the analytics cap): the response
   * then reaches `answer` as `{ errorCode }`, and a timed request that gets it counts as answered.
   */
  acceptErrors?: readonly string[];
}
export interface CypherAsk {
  statement: string;
  params: Record<string, unknown>;
  answer: (rows: Array<Record<string, unknown>>) => string[];
  /** Time `answer` too: the work done in the client is part of raw Cypher's answer (an algorithm Cypher lacks). */
  timeAnswer?: boolean;
}
export interface Question {
  name: string;
  ours: GraphqlAsk;
  neo4jGraphql: GraphqlAsk | { unsupported: string };
  cypher: CypherAsk;
  /** Whether our answer is raw Cypher's (`reference`); equal lists unless told (numbers within a tolerance). */
  matches?: (ours: string[], reference: string[]) => boolean;
}

const SUPPLY = 'APPROVED_SUPPLY_PLAN_FOR|PRODUCES|DEVELOPS';
const sorted = (ids: Iterable<unknown>): string[] => [...new Set([...ids].map(String))].sort();
const PAGE = 100;

/**
 * The cross-reference, as raw Cypher would ask it for one category: the same rows, one page by SKIP/LIMIT, walking
 * down PART_OF from the category (as src/graph/cross-reference.ts does) rather than from every company.
 */
const CROSS_REFERENCE_PAGE = `
MATCH (:Material {id: $category})<-[:PART_OF*0..4]-(item:Material)
WITH DISTINCT item AS m
MATCH (c:Company)-[r:${SUPPLY}]->(m)
CALL (m) {
  OPTIONAL MATCH path = (m)-[:PART_OF*0..4]->(cat:Material)
  WHERE EXISTS { (:Law)-[:DESIGNATES]->(cat) }
  RETURN cat
  ORDER BY length(path)
  LIMIT 1
}
WITH c, r, m, cat WHERE cat.id = $category
RETURN c.id AS company, m.id AS material
ORDER BY toLower(c.name), toLower(cat.name), toLower(m.name), m.id, type(r), r.key
SKIP toInteger($skip) LIMIT ${PAGE}`;

export function buildQuestions(s: Subjects): Question[] {
  const lucene = toLuceneQuery(searchWords(s.companyName));
  const materialFragment = `fragment M on Material { id approvedSuppliers { ...S } producers { ...S } developers { ...S } }
    fragment S on Company { id country { id } }`;
  const traversalTriples = (materials: Json[], suppliersOf: (m: Json) => Json[], countryOf: (c: Json) => Json) =>
    sorted(
      materials.flatMap((m) =>
        suppliersOf(m).map((supplier) => `${m.id}>${supplier.id}>${countryOf(supplier)?.id ?? '-'}`),
      ),
    );
  const crossReference = (name: string, offset: number): Question => ({
    name,
    ours: {
      query: `query($category: ID!, $after: String) {
        crossReference(filter: { categories: [$category] }, first: ${PAGE}, after: $after) {
          totalCount edges { node { company { id } material { id } } }
        }
      }`,
      variables: { category: s.category, after: offset === 0 ? null : encodeCursor(offset - 1) },
      answer: (d) => sorted(d.crossReference.edges.map((e: Json) => `${e.node.company.id}>${e.node.material.id}`)),
    },
    neo4jGraphql: {
      unsupported:
        'no paginated list of company-material links across three relationship types, ordered by company, category and material, with the category found up a PART_OF chain',
    },
    cypher: {
      statement: CROSS_REFERENCE_PAGE,
      params: { category: s.category, skip: offset },
      answer: (rows) => sorted(rows.map((r) => `${String(r['company'])}>${String(r['material'])}`)),
    },
  });

  return [
    {
      name: 'entity by id',
      ours: {
        query: 'query($id: ID!) { entity(id: $id) { id name kind description aliases } }',
        variables: { id: s.company },
        answer: (d) => sorted([d.entity.id]),
      },
      neo4jGraphql: {
        query: 'query($id: ID!) { companies(where: { id: { eq: $id } }) { id name kind description aliases } }',
        variables: { id: s.company },
        answer: (d) => sorted(d.companies.map((c: Json) => c.id)),
      },
      cypher: {
        statement:
          'MATCH (n:Entity {id: $id}) RETURN n.id AS id, n.name AS name, n.kind AS kind, n.description AS description, n.aliases AS aliases',
        params: { id: s.company },
        answer: (rows) => sorted(rows.map((r) => r['id'])),
      },
    },
    {
      name: 'company -> materials -> suppliers -> countries',
      ours: {
        query: `query($id: ID!) { entity(id: $id) { ... on Company {
          materials { id suppliers { id country { id } } } } } }`,
        variables: { id: s.company },
        answer: (d) =>
          traversalTriples(
            d.entity.materials,
            (m) => m.suppliers,
            (c) => c.country,
          ),
      },
      neo4jGraphql: {
        query: `query($id: ID!) { companies(where: { id: { eq: $id } }) {
          approvedMaterials { ...M } producedMaterials { ...M } developedMaterials { ...M } } }
          ${materialFragment}`,
        variables: { id: s.company },
        answer: (d) => {
          const company = d.companies[0];
          return traversalTriples(
            [...company.approvedMaterials, ...company.producedMaterials, ...company.developedMaterials],
            (m) => [...m.approvedSuppliers, ...m.producers, ...m.developers],
            (c) => c.country[0],
          );
        },
      },
      cypher: {
        statement: `
MATCH (:Company {id: $id})-[:${SUPPLY}]->(m:Material)
MATCH (m)<-[:${SUPPLY}]-(s:Company)
OPTIONAL MATCH (s)-[:BASED_IN]->(k:Country)
RETURN m.id AS material, s.id AS supplier, k.id AS country`,
        params: { id: s.company },
        answer: (rows) =>
          sorted(rows.map((r) => `${String(r['material'])}>${String(r['supplier'])}>${String(r['country'] ?? '-')}`)),
      },
    },
    {
      name: 'neighborhood depth 2, limit 500, of the hub',
      ours: {
        query: `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 500) { nodes { id } edges { id } truncated } }`,
        variables: { id: s.hubCountry },
        answer: (d) => [
          ...sorted(d.neighborhood.nodes.map((n: Json) => n.id)),
          ...sorted(d.neighborhood.edges.map((e: Json) => `edge:${e.id}`)),
        ],
      },
      neo4jGraphql: {
        unsupported:
          'no breadth-first subgraph with a node limit applied nearest first (nested fields cannot share one limit)',
      },
      cypher: {
        // The same breadth-first rule as src/graph/neighborhood.ts, in one statement: each frontier node offers at
        // most room + 1 new neighbours, the level keeps the first by name, and a level that does not fit (more than
        // the room) is cut and ends the walk.
        statement: `
MATCH (c:Entity {id: $id})
CALL (c) {
  CALL (c) {
    MATCH (c)--(m:Entity) WHERE m <> c
    RETURN DISTINCT m LIMIT toInteger($limit)
  }
  WITH DISTINCT m ORDER BY toLower(m.name), m.id LIMIT toInteger($limit)
  RETURN collect(m) AS level1
}
WITH c, level1[0..$limit - 1] AS kept1, size(level1) > $limit - 1 AS truncated1
CALL (c, kept1, truncated1) {
  WITH c, kept1, truncated1 WHERE NOT truncated1
  UNWIND kept1 AS n
  CALL (c, n, kept1) {
    MATCH (n)--(m:Entity) WHERE m <> c AND NOT m IN kept1
    WITH DISTINCT m LIMIT toInteger($limit)
    WITH collect(m) AS offered
    UNWIND offered[0..toInteger($limit) - size(kept1)] AS m
    RETURN m
  }
  WITH DISTINCT m ORDER BY toLower(m.name), m.id LIMIT toInteger($limit)
  RETURN collect(m) AS level2
}
WITH [c] + kept1 + level2[0..$limit - 1 - size(kept1)] AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b) WHERE b IN nodes
  RETURN collect(r.id) AS edges
}
RETURN [n IN nodes | n.id] AS ids, edges`,
        params: { id: s.hubCountry, limit: 500 },
        answer: (rows) => [
          ...sorted((rows[0]?.['ids'] as string[]) ?? []),
          ...sorted(((rows[0]?.['edges'] as string[]) ?? []).map((id) => `edge:${id}`)),
        ],
      },
    },
    crossReference('cross-reference of a category, first page', 0),
    crossReference('cross-reference of a category, deep page', s.deepOffset),
    {
      name: 'full-text search (top hit)',
      ours: {
        query: 'query($text: String!) { search(text: $text, first: 10) { score entity { id name } } }',
        variables: { text: s.companyName },
        answer: (d) => sorted([d.search[0]?.entity.id]),
      },
      neo4jGraphql: {
        query: `query($phrase: String!) { searchEntities(phrase: $phrase, first: 10, sort: [{ score: DESC }]) {
          edges { score node { id name } } } }`,
        variables: { phrase: lucene },
        answer: (d) => sorted([d.searchEntities.edges[0]?.node.id]),
      },
      cypher: {
        statement: `
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
RETURN node.id AS id, node.name AS name, score ORDER BY score DESC, node.name LIMIT 10`,
        params: { query: lucene },
        answer: (rows) => sorted([rows[0]?.['id']]),
      },
    },
    {
      name: 'shortest path (length)',
      ours: {
        query: 'query($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { length nodes { id } } }',
        variables: { from: s.company, to: s.pathTo },
        answer: (d) => [`length:${d.shortestPath?.length ?? 'none'}`],
      },
      neo4jGraphql: { unsupported: 'no shortest-path query in the generated API' },
      cypher: {
        statement: `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = shortestPath((a)-[*..6]-(b))
RETURN [n IN nodes(p) | n.id] AS ids, length(p) AS length`,
        params: { from: s.company, to: s.pathTo },
        answer: (rows) => [`length:${String(rows[0]?.['length'] ?? 'none')}`],
      },
    },
    {
      name: 'relationships(first: 20) of the biggest hub',
      ours: {
        query: `query($id: ID!) { entity(id: $id) { relationships(first: 20) { totalCount
          edges { type direction node { id name } } } } }`,
        variables: { id: s.hubCountry },
        answer: (d) => sorted(d.entity.relationships.edges.map((e: Json) => `${e.type}>${e.node.id}`)),
      },
      neo4jGraphql: {
        unsupported: 'one field per relationship type and end type: no single page over all relationships of an entity',
      },
      cypher: {
        statement: `
MATCH (n:Entity {id: $id})-[r]-(m:Entity)
RETURN type(r) AS type, m.id AS other, m.name AS name
ORDER BY toLower(m.name), m.id, type, startNode(r) = n, r.key
LIMIT 20`,
        params: { id: s.hubCountry },
        answer: (rows) => sorted(rows.map((r) => `${String(r['type'])}>${String(r['other'])}`)),
      },
    },
    ...buildListQuestions(s),
    ...buildRiskQuestions(s),
  ];
}

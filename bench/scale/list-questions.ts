/**
 * The query language's questions in the scale benchmark (docs/query-language.md): a kind's list filtered on a
 * relationship, the same kind most connected first, and a group-by. Each is asked of our API, of @neo4j/graphql
 * where its generated API can ask it, and as raw Cypher (the floor: the best statement we know against our labels and
 * indexes, the stored degree included; the filtered list orders by the kind first, as our server does, since
 * ordered by the name alone Neo4j sorts every company: 995 ms at 1m against 21 ms on 2026-12-05).
 */
import type { Question, Subjects } from './questions.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, shaped by each schema

const TOP = 20;
const sorted = (ids: Iterable<unknown>): string[] => [...new Set([...ids].map(String))].sort();

export function buildListQuestions(s: Subjects): Question[] {
  return [
    {
      name: `list: companies based in the hub country, first ${TOP} by name`,
      ours: {
        query: `query($country: ID!) { companies(where: { country: { some: { id: { eq: $country } } } }, first: ${TOP}) {
          edges { node { id name } } } }`,
        variables: { country: s.hubCountry },
        answer: (d) => sorted(d.companies.edges.map((e: Json) => e.node.id)),
      },
      neo4jGraphql: {
        query: `query($country: ID!) { companies(where: { country: { some: { id: { eq: $country } } } }, limit: ${TOP},
          sort: [{ name: ASC }]) { id name } }`,
        variables: { country: s.hubCountry },
        answer: (d) => sorted(d.companies.map((c: Json) => c.id)),
      },
      cypher: {
        statement: `
MATCH (c:Entity)
WHERE c.kind = 'Company' AND c.nameKey IS NOT NULL
  AND EXISTS { (c)-[:BASED_IN]->(k) WHERE k.id = $country }
RETURN c.id AS id, c.name AS name
ORDER BY c.kind, c.nameKey, c.id
LIMIT ${TOP}`,
        params: { country: s.hubCountry },
        answer: (rows) => sorted(rows.map((r) => r['id'])),
      },
    },
    {
      name: `list: the ${TOP} most connected companies (sort by degree)`,
      ours: {
        query: `{ companies(sort: [{ degree: DESC }], first: ${TOP}) { edges { node { id degree } } } }`,
        variables: {},
        answer: (d) => sorted(d.companies.edges.map((e: Json) => `${e.node.id}|${e.node.degree}`)),
      },
      neo4jGraphql: {
        unsupported: 'no sort by the number of relationships (neo4j/graphql issue #1156)',
      },
      cypher: {
        statement: `
MATCH (c:Entity)
WHERE c.kind = 'Company' AND c.degree IS NOT NULL
RETURN c.id AS id, c.degree AS degree
ORDER BY c.degree DESC, c.id
LIMIT ${TOP}`,
        params: {},
        answer: (rows) => sorted(rows.map((r) => `${String(r['id'])}|${String(r['degree'])}`)),
      },
    },
    {
      name: 'list: companies per country (groupBy)',
      ours: {
        query: '{ companies(first: 0) { groupBy(by: COUNTRY, first: 100) { key count } } }',
        variables: {},
        answer: (d) => sorted(d.companies.groupBy.map((g: Json) => `${g.key ?? '-'}|${g.count}`)),
      },
      neo4jGraphql: {
        query: '{ countries { id companiesConnection { aggregate { count { nodes } } } } }',
        variables: {},
        // It lists every country, those without companies too, and has no group for companies without a country.
        answer: (d) =>
          sorted(
            d.countries
              .filter((c: Json) => c.companiesConnection.aggregate.count.nodes > 0)
              .map((c: Json) => `${c.id}|${c.companiesConnection.aggregate.count.nodes}`),
          ),
      },
      cypher: {
        statement: `
MATCH (c:Company)
OPTIONAL MATCH (c)-[:BASED_IN]->(k:Entity)
RETURN k.id AS key, count(*) AS count
ORDER BY count DESC, key
LIMIT 100`,
        params: {},
        answer: (rows) => sorted(rows.map((r) => `${String(r['key'] ?? '-')}|${String(r['count'])}`)),
      },
    },
  ];
}

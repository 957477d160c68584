/**
 * The supply-chain risk analytics questions of the scale benchmark (docs/analytics.md): supplyRisk of the hub
 * category, disruption of the hub country and of one company (the counts and the first page of each list), and centrality (DEGREE; BETWEENNESS, which above the analytics cap is
 * answered by LIMIT_EXCEEDED and recorded as "over the cap"). Raw Cypher computes each answer itself, written
 * apart from src/graph/ so the check is a check; @neo4j/graphql cannot ask any of them. Every name starts with
 * "risk analytics" (`--only "risk analytics"`).
 */
import { brandesBetweenness } from './brandes-betweenness.ts';
import type { Question, Subjects } from './questions.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers, shaped by the schema

const SUPPLY = 'APPROVED_SUPPLY_PLAN_FOR|PRODUCES|DEVELOPS';
/** The default projection of Query.centrality: the supply network. */
const NETWORK_KINDS = 'Company|Country|Material';
const NETWORK_TYPES = `${SUPPLY}|BASED_IN|PART_OF`;
/** ANALYTICS_MAX_RELATIONSHIPS's default: the most relationships BETWEENNESS runs over in process. */
const ANALYTICS_CAP = 50_000;
/** Above this the bench does not compute its reference betweenness (O(n·m) in the harness would take minutes). */
const REFERENCE_BETWEENNESS_MAX = 150_000;
/** Our answer when BETWEENNESS is refused with LIMIT_EXCEEDED. */
export const OVER_THE_CAP = 'over the cap';
const TOP = 20;
/** HHI and centrality scores agree within this (they are summed in a different order). */
const TOLERANCE = 1e-9;

const unsupported = { unsupported: 'no supply-risk, disruption or centrality measure in the generated API' };

/**
 * Equal lists of `a|b|...` entries whose numeric parts agree within TOLERANCE and whose other parts are equal.
 */
function sameWithin(ours: readonly string[], reference: readonly string[]): boolean {
  if (ours.length !== reference.length) return false;
  return ours.every((entry, i) => {
    const a = entry.split('|');
    const b = (reference[i] ?? '').split('|');
    return (
      a.length === b.length &&
      a.every((part, j) => {
        const other = b[j] ?? '';
        if (part === other) return true;
        const x = Number(part);
        const y = Number(other);
        return part !== '' && other !== '' && Number.isFinite(x) && Number.isFinite(y) && Math.abs(x - y) <= TOLERANCE;
      })
    );
  });
}

/**
 * One supply-risk page as raw Cypher asks it: the items whose nearest designated category (up to 4 PART_OF steps)
 * is the category, each supplying company weighed by its links (the synthetic links state no `share`, so every
 * row is LINK_COUNT), the HHI over the companies' shares, ordered as HHI_DESC orders, with the count of rows.
 */
export const SUPPLY_RISK_PAGE = `
MATCH (:Entity {id: $category})<-[:PART_OF*0..4]-(m:Material)
WITH DISTINCT m
CALL (m) {
  OPTIONAL MATCH p = (m)-[:PART_OF*0..4]->(d:Material)
  WHERE EXISTS { (:Law)-[:DESIGNATES]->(d) }
  RETURN d ORDER BY length(p) LIMIT 1
}
WITH m WHERE d.id = $category
MATCH (c:Company)-[r:${SUPPLY}]->(m)
WITH m, c, count(r) AS links
WITH m, collect(links) AS perCompany, sum(links) AS total, count(c) AS suppliers
WITH m, suppliers, reduce(h = 0.0, x IN perCompany | h + (toFloat(x) / total) ^ 2) * 10000 AS hhi
ORDER BY hhi DESC, toLower(m.name), m.id
WITH collect({id: m.id, hhi: hhi, suppliers: suppliers}) AS rows
RETURN size(rows) AS total, rows[0..toInteger($first)] AS page`;

/** How many rows of each of a disruption's lists the benchmark reads (the API's default slice). */
const DISRUPTION_PAGE = 100;

/**
 * What removing the companies that `removed` matches (a Cypher predicate on supplier `s`) breaks, as raw Cypher
 * asks it: how many supply links go, and for every item they supply its distinct suppliers before and after, in
 * name order; the counts and the first page of each list.
 */
const rawDisruption = (removedLinks: string, removed: string) => `
${removedLinks}
WITH count(r) AS removedLinks, collect(DISTINCT m) AS items
CALL (items) {
  UNWIND items AS m
  MATCH (s:Company)-[:${SUPPLY}]->(m)
  WITH DISTINCT m, s
  WITH m, count(s) AS before, sum(CASE WHEN ${removed} THEN 0 ELSE 1 END) AS after
  ORDER BY toLower(m.name), m.id
  RETURN collect({id: m.id, before: before, after: after}) AS affected
}
WITH removedLinks, affected, [a IN affected WHERE a.after = 0] AS none, [a IN affected WHERE a.after = 1] AS one
RETURN removedLinks, size(affected) AS affectedCount, size(none) AS noneCount, size(one) AS oneCount,
  affected[0..${DISRUPTION_PAGE}] AS page, [a IN none[0..${DISRUPTION_PAGE}] | a.id] AS nonePage,
  [a IN one[0..${DISRUPTION_PAGE}] | a.id] AS onePage`;

/** Removing a country: the supply links of the companies based there. */
export const DISRUPTION = rawDisruption(
  `MATCH (:Entity {id: $country})<-[:BASED_IN]-(c:Company)-[r:${SUPPLY}]->(m:Material)`,
  'EXISTS { (s)-[:BASED_IN]->(k:Country) WHERE k.id = $country }',
);

/** Removing one company: its supply links. */
export const COMPANY_DISRUPTION = rawDisruption(
  `MATCH (:Entity {id: $company})-[r:${SUPPLY}]->(m:Material)`,
  's.id = $company',
);

/** A disruption's answer as entries: the counts, and the first page of each list of items. */
function disruptionEntries(d: Json): string[] {
  const report = d.disruption;
  return [
    `count|links|${report.removedLinkCount}`,
    `count|affected|${report.affectedCount}`,
    `count|none|${report.itemsWithoutSupplierCount}`,
    `count|one|${report.itemsWithOneSupplierCount}`,
    ...report.itemsWithoutSupplier.map((r: Json) => `none|${r.material.id}`),
    ...report.itemsWithOneSupplier.map((r: Json) => `one|${r.material.id}`),
    ...report.affected.map(
      (a: Json) => `item|${a.material.id}|${a.before.supplierCount}|${a.after?.supplierCount ?? 0}`,
    ),
  ];
}

/** The raw statement's answer as the same entries. */
function rawDisruptionEntries(rows: Array<Record<string, unknown>>): string[] {
  const row = rows[0] ?? {};
  const page = (row['page'] as Array<{ id: string; before: number; after: number }> | undefined) ?? [];
  return [
    `count|links|${String(row['removedLinks'] ?? 0)}`,
    `count|affected|${String(row['affectedCount'] ?? 0)}`,
    `count|none|${String(row['noneCount'] ?? 0)}`,
    `count|one|${String(row['oneCount'] ?? 0)}`,
    ...((row['nonePage'] as string[] | undefined) ?? []).map((id) => `none|${id}`),
    ...((row['onePage'] as string[] | undefined) ?? []).map((id) => `one|${id}`),
    ...page.map((a) => `item|${a.id}|${a.before}|${a.after}`),
  ];
}

const DISRUPTION_SELECTION = `
  removedLinkCount affectedCount itemsWithoutSupplierCount itemsWithOneSupplierCount
  itemsWithoutSupplier(first: ${DISRUPTION_PAGE}) { material { id } }
  itemsWithOneSupplier(first: ${DISRUPTION_PAGE}) { material { id } }
  affected(first: ${DISRUPTION_PAGE}) { material { id } before { supplierCount } after { supplierCount } }`;

/** Degree in the supply network: relationships to other network entities, parallel ones each counted. */
export const DEGREE_TOP = `
MATCH (n:${NETWORK_KINDS})
WITH n, COUNT { (n)-[:${NETWORK_TYPES}]-(m:${NETWORK_KINDS}) WHERE m <> n } AS degree
WHERE degree > 0
RETURN n.id AS id, degree
ORDER BY degree DESC, id
LIMIT ${TOP}`;

/** The supply network, one row per relationship: what betweenness runs over. */
const NETWORK = `
MATCH (a:${NETWORK_KINDS})-[:${NETWORK_TYPES}]->(b:${NETWORK_KINDS})
RETURN a.id AS a, b.id AS b`;

export function buildRiskQuestions(s: Subjects): Question[] {
  const fitsCap = s.supplyNetworkRelationships <= ANALYTICS_CAP;
  return [
    {
      name: `risk analytics: supplyRisk of the hub category, first ${TOP}, HHI_DESC`,
      ours: {
        query: `query($category: ID!) {
          supplyRisk(filter: { categories: [$category], level: ITEM }, orderBy: HHI_DESC, first: ${TOP}) {
            totalCount edges { node { material { id } supplierCount hhiByCompany } }
          }
        }`,
        variables: { category: s.hubCategory },
        answer: (d) => [
          `total|${d.supplyRisk.totalCount}`,
          ...d.supplyRisk.edges.map(
            (e: Json) => `${e.node.material.id}|${e.node.supplierCount}|${e.node.hhiByCompany}`,
          ),
        ],
      },
      neo4jGraphql: unsupported,
      cypher: {
        statement: SUPPLY_RISK_PAGE,
        params: { category: s.hubCategory, first: TOP },
        answer: (rows) => [
          `total|${String(rows[0]?.['total'] ?? 0)}`,
          ...((rows[0]?.['page'] as Json[] | undefined) ?? []).map((row) => `${row.id}|${row.suppliers}|${row.hhi}`),
        ],
      },
      matches: sameWithin,
    },
    {
      name: 'risk analytics: disruption removing the hub country',
      ours: {
        query: `query($country: ID!) { disruption(remove: [$country]) { ${DISRUPTION_SELECTION} } }`,
        variables: { country: s.hubCountry },
        answer: disruptionEntries,
      },
      neo4jGraphql: unsupported,
      cypher: { statement: DISRUPTION, params: { country: s.hubCountry }, answer: rawDisruptionEntries },
    },
    {
      name: 'risk analytics: disruption removing one company',
      ours: {
        query: `query($company: ID!) { disruption(remove: [$company]) { ${DISRUPTION_SELECTION} } }`,
        variables: { company: s.company },
        answer: disruptionEntries,
      },
      neo4jGraphql: unsupported,
      cypher: { statement: COMPANY_DISRUPTION, params: { company: s.company }, answer: rawDisruptionEntries },
    },
    {
      name: `risk analytics: centrality DEGREE, first ${TOP}`,
      ours: {
        query: `{ centrality(measure: DEGREE, first: ${TOP}) { rank score entity { id } } }`,
        variables: {},
        answer: (d) => d.centrality.map((e: Json) => `${e.entity.id}|${e.score}`),
      },
      neo4jGraphql: unsupported,
      cypher: {
        statement: DEGREE_TOP,
        params: {},
        answer: (rows) => rows.map((r) => `${String(r['id'])}|${String(r['degree'])}`),
      },
      matches: sameWithin,
    },
    {
      name: `risk analytics: centrality BETWEENNESS, first ${TOP}${fitsCap ? '' : ` (${OVER_THE_CAP}: ${s.supplyNetworkRelationships} relationships)`}`,
      ours: {
        query: `{ centrality(measure: BETWEENNESS, first: ${TOP}) { rank score entity { id } } }`,
        variables: {},
        acceptErrors: ['LIMIT_EXCEEDED'],
        answer: (d) =>
          d.errorCode === 'LIMIT_EXCEEDED'
            ? [OVER_THE_CAP]
            : d.centrality.map((e: Json) => `${e.entity.id}|${e.score}`),
      },
      neo4jGraphql: unsupported,
      cypher: {
        // Cypher has no betweenness (without Graph Data Science): it reads the network and the harness ranks it,
        // timed together while the network fits the cap; above it, the read alone is timed.
        statement: NETWORK,
        params: {},
        timeAnswer: fitsCap,
        answer: (rows) => {
          const size = `projection|${rows.length}`;
          if (rows.length > REFERENCE_BETWEENNESS_MAX) return [size];
          const scores = brandesBetweenness(rows.map((r) => [String(r['a']), String(r['b'])] as const));
          const top = [...scores]
            .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
            .slice(0, TOP)
            .map(([id, score]) => `${id}|${score}`);
          return [size, ...top];
        },
      },
      // Over the cap, LIMIT_EXCEEDED is the right answer; otherwise (under it, or measured by Graph Data Science
      // above it) the top entities and scores, against the reference's.
      matches: (ours, reference) => {
        const size = Number(reference[0]?.split('|')[1]);
        if (ours.length === 1 && ours[0] === OVER_THE_CAP) return size > ANALYTICS_CAP;
        return sameWithin(ours, reference.slice(1));
      },
    },
  ];
}

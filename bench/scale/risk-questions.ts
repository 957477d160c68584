/**
 * The supply-chain risk analytics questions of the scale benchmark (docs/analytics.md): supplyRisk of the hub
 * category, disruption of the hub country (LIMIT_EXCEEDED when it affects more rows than one disruption compares)
 * and of one company, and centrality (DEGREE; BETWEENNESS, which above the analytics cap is
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

/**
 * Removing a country as raw Cypher asks it: the supply links of the companies based there, and for every item
 * they supply its suppliers before and after (the companies not based there).
 */
export const DISRUPTION = `
MATCH (:Entity {id: $country})<-[:BASED_IN]-(c:Company)-[r:${SUPPLY}]->(m:Material)
WITH collect(r.id) AS removed, collect(DISTINCT m) AS items
CALL (items) {
  UNWIND items AS m
  MATCH (s:Company)-[:${SUPPLY}]->(m)
  WITH DISTINCT m, s
  WITH m, s, EXISTS { (s)-[:BASED_IN]->(k:Country) WHERE k.id = $country } AS gone
  WITH m, count(s) AS before, sum(CASE WHEN gone THEN 0 ELSE 1 END) AS after
  RETURN collect({id: m.id, before: before, after: after}) AS affected
}
RETURN removed, affected`;

/** Removing one company as raw Cypher asks it: its supply links, and each item's suppliers before and after. */
export const COMPANY_DISRUPTION = `
MATCH (:Entity {id: $company})-[r:${SUPPLY}]->(m:Material)
WITH collect(r.id) AS removed, collect(DISTINCT m) AS items
CALL (items) {
  UNWIND items AS m
  MATCH (s:Company)-[:${SUPPLY}]->(m)
  WITH DISTINCT m, s
  WITH m, count(s) AS before, sum(CASE WHEN s.id = $company THEN 0 ELSE 1 END) AS after
  RETURN collect({id: m.id, before: before, after: after}) AS affected
}
RETURN removed, affected`;

/** The most rows one disruption compares (src/graph/disruption.ts); above it LIMIT_EXCEEDED is the answer. */
const DISRUPTION_MAX_ROWS = 5_000;

/** A disruption's answer as entries: removed links, items left with none or one supplier, every affected item. */
function disruptionEntries(d: Json): string[] {
  if (d.errorCode === 'LIMIT_EXCEEDED') return [OVER_THE_CAP];
  return [
    ...d.disruption.removedLinks.map((l: Json) => `link|${l.id}`),
    ...d.disruption.itemsWithoutSupplier.map((r: Json) => `none|${r.material.id}`),
    ...d.disruption.itemsWithOneSupplier.map((r: Json) => `one|${r.material.id}`),
    ...d.disruption.affected.map(
      (a: Json) => `item|${a.material.id}|${a.before.supplierCount}|${a.after?.supplierCount ?? 0}`,
    ),
  ].sort();
}

/** The raw statements' answer as the same entries. */
function rawDisruptionEntries(rows: Array<Record<string, unknown>>): string[] {
  const affected = (rows[0]?.['affected'] as Array<{ id: string; before: number; after: number }>) ?? [];
  return [
    ...((rows[0]?.['removed'] as string[] | undefined) ?? []).map((id) => `link|${id}`),
    ...affected.filter((a) => a.after === 0).map((a) => `none|${a.id}`),
    ...affected.filter((a) => a.after === 1).map((a) => `one|${a.id}`),
    ...affected.map((a) => `item|${a.id}|${a.before}|${a.after}`),
  ].sort();
}

/** Equal entries; or LIMIT_EXCEEDED when the reference affects more rows than one disruption compares. */
function sameDisruption(ours: readonly string[], reference: readonly string[]): boolean {
  if (ours.length === 1 && ours[0] === OVER_THE_CAP) {
    return reference.filter((entry) => entry.startsWith('item|')).length > DISRUPTION_MAX_ROWS;
  }
  return ours.length === reference.length && ours.every((entry, i) => entry === reference[i]);
}

const DISRUPTION_SELECTION = `
  removedLinks { id }
  itemsWithoutSupplier { material { id } }
  itemsWithOneSupplier { material { id } }
  affected { material { id } before { supplierCount } after { supplierCount } }`;

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
        acceptErrors: ['LIMIT_EXCEEDED'],
        answer: disruptionEntries,
      },
      neo4jGraphql: unsupported,
      cypher: { statement: DISRUPTION, params: { country: s.hubCountry }, answer: rawDisruptionEntries },
      matches: sameDisruption,
    },
    {
      name: 'risk analytics: disruption removing one company',
      ours: {
        query: `query($company: ID!) { disruption(remove: [$company]) { ${DISRUPTION_SELECTION} } }`,
        variables: { company: s.company },
        acceptErrors: ['LIMIT_EXCEEDED'],
        answer: disruptionEntries,
      },
      neo4jGraphql: unsupported,
      cypher: { statement: COMPANY_DISRUPTION, params: { company: s.company }, answer: rawDisruptionEntries },
      matches: sameDisruption,
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

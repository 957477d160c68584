/**
 * Internal: supply concentration per material item or category (Query.supplyRisk, Query.disruption), computed in
 * one statement: the items in scope, their supply links, each supplier's and each country's share, the
 * Herfindahl-Hirschman index, the flags, the order and the page. Definitions and references: docs/analytics.md.
 *
 * - Supply links are the vocabulary's SUPPLY_LINK_TYPES (or `linkTypes`) from a Company to a Material.
 * - Rows are the linked items (ITEM) or their designated categories (CATEGORY, over every item under the category:
 *   src/graph/material-category.ts). Scope filters choose rows, not links: `companies` keeps the items those
 *   companies supply, with the concentration over all their suppliers.
 * - Weighting: each link weighs 1 (LINK_COUNT) unless every link of the row states a `share`, which are then
 *   normalised over the row (STATED_SHARE).
 * - A supplier's weight goes to its BASED_IN countries in equal parts, or to one "unknown" entry when it has none.
 * - `removal` drops the links of those companies (a disruption's "after": src/graph/disruption.ts resolves removed
 *   countries to their companies); an item left with no link has no row.
 *
 * Work: the scope start is an index seek when the filter names materials, categories, companies or countries, and
 * every in-scope item's links are read once; the page is cut in Cypher after ordering (ordering needs every row's
 * company shares), and the suppliers' countries are read for the page's rows only.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import { getOrCreate } from '../get-or-create.ts';
import { SUPPLY_LINK_TYPES } from '../model/vocabulary.ts';
import { categoryOf, MAX_CATEGORY_DEPTH } from './material-category.ts';
import { holdsAsOf } from './partial-date.ts';
import { toEntityRow, toRelationshipRow, type EntityRow, type RelationshipRow } from './rows.ts';

type RiskLevel = 'ITEM' | 'CATEGORY';
export type SupplyRiskOrder = 'HHI_DESC' | 'SUPPLIER_COUNT_ASC' | 'NAME_ASC';
type Weighting = 'LINK_COUNT' | 'STATED_SHARE';

export interface SupplyRiskFilter {
  categories: readonly string[] | null;
  materials: readonly string[] | null;
  companies: readonly string[] | null;
  countries: readonly string[] | null;
  linkTypes: readonly string[] | null;
  level: RiskLevel;
  /** The top country's share above which a row is overThreshold, 0 to 1. */
  threshold: number;
}

/** The companies whose supply links a disruption removes (those named, and those based in the named countries). */
export interface Removal {
  companies: readonly string[];
}

export interface ShareRow {
  /** The company's or country's id (its entity is loaded by id when selected); null for "unknown country". */
  entityId: string | null;
  /** Its name, for ordering equal shares. */
  name: string | null;
  share: number;
  linkCount: number;
}

export interface SupplyRiskRow {
  material: EntityRow;
  category: EntityRow | null;
  level: RiskLevel;
  supplierCount: number;
  countryCount: number;
  /** Each supplier's share; null when not read (RowParts). */
  suppliers: ShareRow[] | null;
  /** Each country's share; null when not read (RowParts). */
  countries: ShareRow[] | null;
  hhiByCompany: number;
  hhiByCountry: number | null;
  topCompanyShare: number;
  topCountryShare: number;
  unknownCountryShare: number;
  singleSupplier: boolean;
  singleCountry: boolean;
  overThreshold: boolean;
  weighting: Weighting;
  /** The row's supply links with their citations; null when not read (RowParts). */
  links: RelationshipRow[] | null;
}

/** A link `r` of company `c` that counts: its type, its date, and not removed. */
const LINK_HOLDS = (c: string, r: string) => `type(${r}) IN $linkTypes AND ${holdsAsOf(r)}
  AND NOT ${c}.id IN $removedCompanies`;

/** A supply link `r0` of company `c0` to `m` in scope (type and date only: scope does not depend on removal). */
const SCOPE_LINK = `type(r0) IN $linkTypes AND ${holdsAsOf('r0')}`;

/**
 * Where the in-scope items (m, cat) come from: the first of materials, categories, companies, countries that the
 * filter names (an index seek), else every material. The other named filters are conditions (SCOPE_CONDITIONS).
 */
const START = {
  materials: `
UNWIND $materials AS materialId
MATCH (m:Entity {id: materialId})
WHERE m:Material
${categoryOf('m', 'cat')}`,
  categories: `
UNWIND $categories AS categoryId
MATCH (named:Entity {id: categoryId})<-[:PART_OF*0..${MAX_CATEGORY_DEPTH}]-(m:Material)
WHERE named:Material
WITH DISTINCT m
${categoryOf('m', 'cat')}`,
  companies: `
UNWIND $companies AS companyId
MATCH (c0:Entity {id: companyId})-[r0]->(m:Material)
WHERE c0:Company AND ${SCOPE_LINK}
WITH DISTINCT m
${categoryOf('m', 'cat')}`,
  countries: `
UNWIND $countries AS countryId
MATCH (k0:Entity {id: countryId})<-[:BASED_IN]-(:Company)-[r0]->(m:Material)
WHERE k0:Country AND ${SCOPE_LINK}
WITH DISTINCT m
${categoryOf('m', 'cat')}`,
  all: `
MATCH (m:Material)
${categoryOf('m', 'cat')}`,
};

type Start = keyof typeof START;

const SCOPE_CONDITIONS = `
WITH m, cat
WHERE ($materials IS NULL OR m.id IN $materials)
  AND ($categories IS NULL OR cat.id IN $categories)
  AND ($companies IS NULL OR EXISTS { (c0:Company)-[r0]->(m) WHERE c0.id IN $companies AND ${SCOPE_LINK} })
  AND ($countries IS NULL OR EXISTS {
    (k0:Country)<-[:BASED_IN]-(:Company)-[r0]->(m) WHERE k0.id IN $countries AND ${SCOPE_LINK} })`;

/** From items (m, cat) to the rows' subjects and each subject's items: the item itself, or a category's items. */
const SUBJECTS: Record<RiskLevel, string> = {
  ITEM: `
WITH m AS subject, cat AS category, m AS item`,
  CATEGORY: `
WITH DISTINCT cat AS subject
WHERE subject IS NOT NULL
MATCH (subject)<-[:PART_OF*0..${MAX_CATEGORY_DEPTH}]-(item:Material)
WITH DISTINCT subject, item
${categoryOf('item', 'itemCategory')}
WITH subject, subject AS category, item
WHERE itemCategory = subject`,
};

/**
 * Takes: the rows (subject, category, item). Computes the figures the order needs (the companies' shares and
 * HHI) for every row; the countries are read after the page is cut (COUNTRIES), for its rows only.
 */
const FIGURES = `
MATCH (c:Company)-[r]->(item)
WHERE ${LINK_HOLDS('c', 'r')}
WITH subject, category, c, collect(r) AS rels
WITH subject, category, collect({c: c, rels: rels}) AS suppliers
WITH subject, category, suppliers,
     all(s IN suppliers WHERE all(x IN s.rels WHERE x.share IS NOT NULL)) AS stated
WITH subject, category, stated,
     [s IN suppliers | s {.*, w: CASE WHEN stated
        THEN reduce(t = 0.0, x IN s.rels | t + toFloat(x.share)) ELSE toFloat(size(s.rels)) END}] AS suppliers
WITH subject, category, stated, suppliers, reduce(t = 0.0, s IN suppliers | t + s.w) AS total
WHERE total > 0
WITH subject, category, stated, [s IN suppliers | s {.*, share: s.w / total}] AS suppliers
WITH subject, category, stated, suppliers,
     reduce(h = 0.0, s IN suppliers | h + s.share * s.share) * 10000 AS hhiByCompany,
     reduce(t = 0.0, s IN suppliers | CASE WHEN s.share > t THEN s.share ELSE t END) AS topCompanyShare`;

const ORDER: Record<SupplyRiskOrder, string> = {
  HHI_DESC: 'hhiByCompany DESC, toLower(subject.name), subject.id',
  SUPPLIER_COUNT_ASC: 'size(suppliers), toLower(subject.name), subject.id',
  NAME_ASC: 'toLower(subject.name), subject.id',
};

/**
 * The countries of the page's rows' suppliers (`page`, every row with at least one supplier), each company's read
 * once however many rows it supplies: each supplier's share goes to its BASED_IN countries in equal parts, or to
 * one null ("unknown") entry. Returns `i` (the row's place in the page) and its `countryShares`.
 */
const COUNTRIES = `
UNWIND range(0, size(page) - 1) AS i
UNWIND page[i].suppliers AS s
WITH s.c AS c, collect({i: i, share: s.share, linkCount: size(s.rels)}) AS uses
OPTIONAL MATCH (c)-[:BASED_IN]->(k:Country)
WITH uses, collect(DISTINCT k) AS countries
UNWIND uses AS use
UNWIND CASE WHEN size(countries) = 0 THEN [null] ELSE countries END AS k
WITH use.i AS i, k, sum(use.share / CASE WHEN size(countries) = 0 THEN 1 ELSE size(countries) END) AS share,
     sum(use.linkCount) AS linkCount
WITH i, collect({k: k, share: share, linkCount: linkCount}) AS countryShares`;

/**
 * The parts of a row that are most of a large answer's size, read only when the query selects them: the
 * suppliers' and countries' shares (SupplyRisk.suppliers, .countries), and the links with their properties
 * (SupplyRisk.links). The figures are always read.
 */
export interface RowParts {
  shares: boolean;
  links: boolean;
}

/** Takes: the figures, $offset, $limit. Returns: how many rows in all, and the page's rows in order. */
const PAGE = (order: SupplyRiskOrder, parts: RowParts) => `
ORDER BY ${ORDER[order]}
WITH collect({subject: subject, category: category, stated: stated, suppliers: suppliers,
  hhiByCompany: hhiByCompany, topCompanyShare: topCompanyShare}) AS rows
WITH size(rows) AS total, rows[toInteger($offset)..toInteger($offset) + toInteger($limit)] AS page
CALL (page) {
  ${COUNTRIES}
  WITH i, page[i] AS row, countryShares,
       size([x IN countryShares WHERE x.k IS NOT NULL]) AS countryCount,
       reduce(u = 0.0, x IN countryShares | u + CASE WHEN x.k IS NULL THEN x.share ELSE 0.0 END) AS unknownShare
  ORDER BY i
  RETURN collect({
    material: properties(row.subject),
    category: properties(row.category),
    stated: row.stated,
    supplierCount: size(row.suppliers),
    suppliers: ${
      parts.shares
        ? '[s IN row.suppliers | {id: s.c.id, name: s.c.name, share: s.share, linkCount: size(s.rels)}]'
        : 'null'
    },
    countries: ${
      parts.shares
        ? '[x IN countryShares | {id: x.k.id, name: x.k.name, share: x.share, linkCount: x.linkCount}]'
        : 'null'
    },
    countryCount: countryCount,
    unknownShare: unknownShare,
    hhiByCompany: row.hhiByCompany,
    hhiByCountry: CASE WHEN countryCount = 0 THEN null
      ELSE reduce(h = 0.0, x IN countryShares | h + x.share * x.share) * 10000 END,
    topCompanyShare: row.topCompanyShare,
    topCountryShare: reduce(t = 0.0, x IN countryShares | CASE WHEN x.k IS NOT NULL AND x.share > t THEN x.share ELSE t END),
    links: ${
      parts.links
        ? `[s IN row.suppliers | [x IN s.rels |
      {type: type(x), source: s.c.id, target: endNode(x).id, props: properties(x)}]]`
        : 'null'
    }
  }) AS rows
}
RETURN total, rows`;

const statements = new Map<string, string>();

function statementFor(start: Start, level: RiskLevel, order: SupplyRiskOrder, parts: RowParts): string {
  return getOrCreate(statements, `${start} ${level} ${order} ${parts.shares} ${parts.links}`, () =>
    [START[start], SCOPE_CONDITIONS, SUBJECTS[level], FIGURES, PAGE(order, parts)].join('\n'),
  );
}

function startOf(filter: SupplyRiskFilter): Start {
  if (filter.materials) return 'materials';
  if (filter.categories) return 'categories';
  if (filter.companies) return 'companies';
  if (filter.countries) return 'countries';
  return 'all';
}

interface StoredShare {
  id: string | null;
  name: string | null;
  share: number;
  linkCount: number;
}

interface StoredRow {
  material: Record<string, unknown>;
  category: Record<string, unknown> | null;
  stated: boolean;
  supplierCount: number;
  suppliers: StoredShare[] | null;
  countries: StoredShare[] | null;
  countryCount: number;
  unknownShare: number;
  hhiByCompany: number;
  hhiByCountry: number | null;
  topCompanyShare: number;
  topCountryShare: number;
  links: Array<Array<{ type: string; source: string; target: string; props: Record<string, unknown> }>> | null;
}

/** Largest share first, then by name (the unknown entry last among equals). */
function byShare(a: ShareRow, b: ShareRow): number {
  return b.share - a.share || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff');
}

function toRow(stored: StoredRow, filter: SupplyRiskFilter): SupplyRiskRow {
  const share = (s: StoredShare): ShareRow => ({
    entityId: s.id,
    name: s.name,
    share: s.share,
    linkCount: Number(s.linkCount),
  });
  const supplierCount = Number(stored.supplierCount);
  return {
    material: toEntityRow(stored.material),
    category: stored.category ? toEntityRow(stored.category) : null,
    level: filter.level,
    supplierCount,
    countryCount: Number(stored.countryCount),
    suppliers: stored.suppliers?.map(share).sort(byShare) ?? null,
    countries: stored.countries?.map(share).sort(byShare) ?? null,
    hhiByCompany: stored.hhiByCompany,
    hhiByCountry: stored.hhiByCountry,
    topCompanyShare: stored.topCompanyShare,
    topCountryShare: stored.topCountryShare,
    unknownCountryShare: stored.unknownShare,
    singleSupplier: supplierCount === 1,
    singleCountry: Number(stored.countryCount) === 1 && stored.unknownShare === 0,
    overThreshold: stored.topCountryShare > filter.threshold,
    weighting: stored.stated ? 'STATED_SHARE' : 'LINK_COUNT',
    links: stored.links?.flat().map((l) => toRelationshipRow(l.type, l.source, l.target, l.props)) ?? null,
  };
}

/** One page of supply-risk rows (offset and limit in Cypher) and how many rows match in all. */
export async function findSupplyRisk(
  runner: QueryRunner,
  filter: SupplyRiskFilter,
  options: {
    asOf: string | null;
    order: SupplyRiskOrder;
    offset: number;
    limit: number;
    removal?: Removal;
    read: RowParts;
  },
): Promise<{ rows: SupplyRiskRow[]; total: number }> {
  const statement = statementFor(startOf(filter), filter.level, options.order, options.read);
  const [result] = await runner.read<{ total: number; rows: StoredRow[] }>('supply-risk', statement, {
    materials: filter.materials,
    categories: filter.categories,
    companies: filter.companies,
    countries: filter.countries,
    linkTypes: filter.linkTypes ?? SUPPLY_LINK_TYPES,
    asOf: options.asOf,
    removedCompanies: options.removal?.companies ?? [],
    offset: options.offset,
    limit: options.limit,
  });
  return {
    rows: (result?.rows ?? []).map((row) => toRow(row, filter)),
    total: Number(result?.total ?? 0),
  };
}

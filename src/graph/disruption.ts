/**
 * Internal: what removing countries and/or companies would break (Query.disruption). A country removes the supply
 * links of the companies based in it.
 *
 * Work is bounded by what the removal touches, and the rows are read page by page:
 * - one statement finds the affected rows (the items, or categories, that lose a link) with their supplier counts
 *   before and after, in name order: `classifyDisruption`. It starts from the removed entities (index seeks) and
 *   reads each affected item's suppliers once, as raw Cypher would count them;
 * - the full rows of a page (concentration before and after) are read by the supply-risk statement
 *   (src/graph/supply-risk.ts) for that page's rows only, without and with the removal, so "before" and "after"
 *   are computed alike: `disruptionRows`;
 * - the removed links, with their citations, are read a page at a time: `findRemovedLinks`.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import { SUPPLY_LINK_TYPES } from '../model/vocabulary.ts';
import { categoryOf } from './material-category.ts';
import { holdsAsOf } from './partial-date.ts';
import { toRelationshipRow, type RelationshipRow } from './rows.ts';
import { findSupplyRisk, type RowParts, type SupplyRiskFilter, type SupplyRiskRow } from './supply-risk.ts';

/** What a disruption removes: countries and companies, by id. */
export interface DisruptionRemoval {
  companies: readonly string[];
  countries: readonly string[];
}

/** One affected row: the item (or category), its supplier counts before and after, by id. */
export interface AffectedRow {
  id: string;
  before: number;
  after: number;
}

export interface DisruptionClassification {
  /** Every affected row, in name order. */
  affected: AffectedRow[];
  removedLinkCount: number;
  /** The removed companies with a removed link in scope: those whose links an affected row's "after" drops. */
  removedCompanies: string[];
}

/** The distinct ids of the statement's per-item lists of removed companies. */
const distinctIds = (lists: readonly string[][] | undefined): string[] => [...new Set((lists ?? []).flat())];

/** The companies whose supply links go: those named, and those based in the named countries. */
const REMOVED_COMPANIES = `
CALL () {
  UNWIND $companies AS companyId
  MATCH (c:Entity {id: companyId})
  WHERE c:Company
  RETURN c
  UNION
  UNWIND $countries AS countryId
  MATCH (k:Entity {id: countryId})<-[:BASED_IN]-(c:Company)
  WHERE k:Country
  RETURN c
}`;

/** Whether supplier `s` is removed (named, or based in a named country). */
const IS_REMOVED = (s: string) =>
  `(${s}.id IN $companies OR EXISTS { (${s})-[:BASED_IN]->(k:Country) WHERE k.id IN $countries })`;

/** A scope condition on item `m` (the filter's companies and countries keep the items they supply). */
const SUPPLIED_BY_SCOPE = `
  ($scopeCompanies IS NULL OR EXISTS {
    (c0:Company)-[r0]->(m) WHERE c0.id IN $scopeCompanies AND type(r0) IN $linkTypes AND ${holdsAsOf('r0')} })
  AND ($scopeCountries IS NULL OR EXISTS {
    (k0:Country)<-[:BASED_IN]-(:Company)-[r0]->(m)
    WHERE k0.id IN $scopeCountries AND type(r0) IN $linkTypes AND ${holdsAsOf('r0')} })`;

/**
 * The in-scope items `m` that lose links (within the filter's materials, categories, companies and countries),
 * each with its `removed` links and the `removers` among the removed companies (and `cat`, its category, when
 * `withCategory`: a category filter or the CATEGORY level needs it).
 */
const REMOVED_IN_SCOPE = (withCategory: boolean) => `
${REMOVED_COMPANIES}
MATCH (c)-[r]->(m:Material)
WHERE type(r) IN $linkTypes AND ${holdsAsOf('r')} AND ($materials IS NULL OR m.id IN $materials)
WITH m, collect(r) AS removed, collect(DISTINCT c.id) AS removers
WHERE ${SUPPLIED_BY_SCOPE}
${
  withCategory
    ? `${categoryOf('m', 'cat')}
WITH m, removed, removers, cat
WHERE $categories IS NULL OR cat.id IN $categories`
    : ''
}`;

/**
 * Takes: the removal, $linkTypes, $asOf and the scope. Returns: how many removed links are in scope, and each
 * affected item with its distinct suppliers before and after, in name order.
 */
const CLASSIFY_ITEMS = (withCategory: boolean) => `
${REMOVED_IN_SCOPE(withCategory)}
WITH m, size(removed) AS removedLinks, removers
CALL (m) {
  MATCH (s:Company)-[r]->(m)
  WHERE type(r) IN $linkTypes AND ${holdsAsOf('r')}
  WITH DISTINCT s
  RETURN count(s) AS before, sum(CASE WHEN ${IS_REMOVED('s')} THEN 0 ELSE 1 END) AS after
}
WITH m, removedLinks, removers, before, after
ORDER BY toLower(m.name), m.id
RETURN sum(removedLinks) AS removedLinkCount, collect({id: m.id, before: before, after: after}) AS affected,
  collect(removers) AS removers`;

/**
 * Takes: the removal, $linkTypes, $asOf and the scope. Returns: how many removed links are in scope, and the
 * affected categories' ids (their counts are the supply-risk statement's: a category's suppliers are those of
 * every item under it).
 */
const AFFECTED_CATEGORIES = `
${REMOVED_IN_SCOPE(true)}
WITH sum(size(removed)) AS removedLinkCount, collect(DISTINCT cat.id) AS categories, collect(removers) AS removers
RETURN removedLinkCount, categories, removers`;

/**
 * Takes: the removal, $linkTypes, $asOf, the scope, $offset, $limit. Returns: one page of the removed links in
 * scope, by company, item, type and key.
 */
const REMOVED_LINKS_PAGE = (withCategory: boolean) => `
${REMOVED_IN_SCOPE(withCategory)}
UNWIND removed AS r
WITH startNode(r) AS c, r, m
ORDER BY c.id, m.id, type(r), r.key
SKIP toInteger($offset) LIMIT toInteger($limit)
RETURN type(r) AS type, c.id AS source, m.id AS target, properties(r) AS props`;

function parameters(removal: DisruptionRemoval, filter: SupplyRiskFilter, asOf: string | null) {
  return {
    companies: removal.companies,
    countries: removal.countries,
    linkTypes: filter.linkTypes ?? SUPPLY_LINK_TYPES,
    asOf,
    materials: filter.materials,
    categories: filter.categories,
    scopeCompanies: filter.companies,
    scopeCountries: filter.countries,
  };
}

/** The affected rows of a removal, with their supplier counts before and after, and how many links go. */
export async function classifyDisruption(
  runner: QueryRunner,
  removal: DisruptionRemoval,
  filter: SupplyRiskFilter,
  asOf: string | null,
): Promise<DisruptionClassification> {
  const params = parameters(removal, filter, asOf);
  if (filter.level === 'ITEM') {
    const [row] = await runner.read<{ removedLinkCount: number; affected: AffectedRow[]; removers: string[][] }>(
      'disruption.classify',
      CLASSIFY_ITEMS(filter.categories !== null),
      params,
    );
    return {
      removedLinkCount: Number(row?.removedLinkCount ?? 0),
      removedCompanies: distinctIds(row?.removers),
      affected: (row?.affected ?? []).map((a) => ({ id: a.id, before: Number(a.before), after: Number(a.after) })),
    };
  }
  const [row] = await runner.read<{ removedLinkCount: number; categories: string[]; removers: string[][] }>(
    'disruption.affected-categories',
    AFFECTED_CATEGORIES,
    params,
  );
  const categories = row?.categories ?? [];
  const removedLinkCount = Number(row?.removedLinkCount ?? 0);
  const removedCompanies = distinctIds(row?.removers);
  if (categories.length === 0) return { removedLinkCount, removedCompanies, affected: [] };
  // Categories are few (those a law designates): their counts come from the supply-risk statement itself.
  const counts = (removedCompanies?: readonly string[]) =>
    findSupplyRisk(
      runner,
      { ...filter, categories },
      {
        asOf,
        order: 'NAME_ASC',
        offset: 0,
        limit: categories.length,
        read: { shares: false, links: false },
        ...(removedCompanies ? { removal: { companies: removedCompanies } } : {}),
      },
    );
  const before = await counts();
  const after = await counts(removedCompanies);
  const afterById = new Map(after.rows.map((r) => [r.material.id, r.supplierCount]));
  return {
    removedLinkCount,
    removedCompanies,
    affected: before.rows.map((r) => ({
      id: r.material.id,
      before: r.supplierCount,
      after: afterById.get(r.material.id) ?? 0,
    })),
  };
}

/**
 * The full rows of `ids` (affected rows of one page), before and after the removal of `removedCompanies` (the
 * classification's), by id; a row with no supplier left has no "after".
 */
export async function disruptionRows(
  runner: QueryRunner,
  removedCompanies: readonly string[],
  filter: SupplyRiskFilter,
  ids: readonly string[],
  options: { asOf: string | null; read: RowParts; which: { before: boolean; after: boolean } },
): Promise<{ before: Map<string, SupplyRiskRow>; after: Map<string, SupplyRiskRow> }> {
  const byId = (rows: SupplyRiskRow[]) => new Map(rows.map((row) => [row.material.id, row]));
  if (ids.length === 0) return { before: new Map(), after: new Map() };
  const scoped: SupplyRiskFilter =
    filter.level === 'ITEM' ? { ...filter, materials: ids } : { ...filter, categories: ids };
  const read = async (removal?: readonly string[]) =>
    byId(
      (
        await findSupplyRisk(runner, scoped, {
          asOf: options.asOf,
          order: 'NAME_ASC',
          offset: 0,
          limit: ids.length,
          read: options.read,
          ...(removal ? { removal: { companies: removal } } : {}),
        })
      ).rows,
    );
  const [before, after] = await Promise.all([
    options.which.before ? read() : new Map<string, SupplyRiskRow>(),
    options.which.after ? read(removedCompanies) : new Map<string, SupplyRiskRow>(),
  ]);
  return { before, after };
}

/** One page of the removed links in scope, with their citations. */
export async function findRemovedLinks(
  runner: QueryRunner,
  removal: DisruptionRemoval,
  filter: SupplyRiskFilter,
  asOf: string | null,
  page: { offset: number; limit: number },
): Promise<RelationshipRow[]> {
  const rows = await runner.read<{ type: string; source: string; target: string; props: Record<string, unknown> }>(
    'disruption.removed-links',
    REMOVED_LINKS_PAGE(filter.categories !== null),
    { ...parameters(removal, filter, asOf), ...page },
  );
  return rows.map((l) => toRelationshipRow(l.type, l.source, l.target, l.props));
}

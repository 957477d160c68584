/**
 * Internal: what removing countries and/or companies would break (Query.disruption). A country removes the supply
 * links of the companies based in it. The removed links are read from the removed entities (index seeks), so the
 * work grows with what is removed; the affected rows are then read twice by the supply-risk statement
 * (src/graph/supply-risk.ts), without and with the removal, so "before" and "after" are computed alike.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import { LimitExceededError } from '../errors.ts';
import { SUPPLY_LINK_TYPES } from '../model/vocabulary.ts';
import { categoryOf } from './material-category.ts';
import { holdsAsOf } from './partial-date.ts';
import { toRelationshipRow, type EntityRow, type RelationshipRow } from './rows.ts';
import {
  findSupplyRisk,
  type Removal,
  type RowParts,
  type SupplyRiskFilter,
  type SupplyRiskRow,
} from './supply-risk.ts';

/**
 * Takes: $companies, $countries (ids), $linkTypes, $asOf. Returns: each supply link of those companies and of the
 * companies based in those countries, with its item and the item's category (found once per item).
 */
const REMOVED_LINKS = `
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
}
MATCH (c)-[r]->(m:Material)
WHERE type(r) IN $linkTypes AND ${holdsAsOf('r')}
WITH m, collect({type: type(r), source: c.id, props: properties(r), key: r.key}) AS links
${categoryOf('m', 'cat')}
UNWIND links AS link
RETURN link.type AS type, link.source AS source, m.id AS target, link.props AS props, cat.id AS category
ORDER BY source, target, type, link.key`;

/** What a disruption removes: countries and companies, by id. */
export interface DisruptionRemoval {
  companies: readonly string[];
  countries: readonly string[];
}

export interface SupplyRiskChangeRow {
  material: EntityRow;
  before: SupplyRiskRow;
  after: SupplyRiskRow | null;
}

export interface DisruptionReport {
  removedLinks: RelationshipRow[];
  itemsWithoutSupplier: SupplyRiskRow[];
  itemsWithOneSupplier: SupplyRiskRow[];
  affected: SupplyRiskChangeRow[];
}

/** The most rows one disruption compares (before and after); beyond it the report is refused as too large. */
const MAX_AFFECTED_ROWS = 5_000;

/**
 * The report; of the affected rows' large parts, only those in `read` (src/graph/supply-risk.ts: RowParts).
 */
export async function findDisruption(
  runner: QueryRunner,
  removal: DisruptionRemoval,
  filter: SupplyRiskFilter,
  options: { asOf: string | null; read: RowParts },
): Promise<DisruptionReport> {
  const { asOf, read: parts } = options;
  const links = await runner.read<{
    type: string;
    source: string;
    target: string;
    props: Record<string, unknown>;
    category: string | null;
  }>('disruption.removed-links', REMOVED_LINKS, {
    companies: removal.companies,
    countries: removal.countries,
    linkTypes: filter.linkTypes ?? SUPPLY_LINK_TYPES,
    asOf,
  });
  const inScope = links.filter(
    (l) =>
      (filter.materials === null || filter.materials.includes(l.target)) &&
      (filter.categories === null || (l.category !== null && filter.categories.includes(l.category))),
  );
  const subjects = [
    ...new Set(inScope.flatMap((l) => (filter.level === 'ITEM' ? [l.target] : l.category ? [l.category] : []))),
  ];
  const removedLinks = inScope.map((l) => toRelationshipRow(l.type, l.source, l.target, l.props));
  // The companies whose links go: those named, and those based in the named countries (every one with a link).
  const removedCompanies: Removal = { companies: [...new Set([...removal.companies, ...links.map((l) => l.source)])] };
  if (subjects.length === 0) return { removedLinks, itemsWithoutSupplier: [], itemsWithOneSupplier: [], affected: [] };
  if (subjects.length > MAX_AFFECTED_ROWS) {
    throw new LimitExceededError(
      `The removal affects ${subjects.length} rows, more than the ${MAX_AFFECTED_ROWS} one disruption compares; ` +
        'narrow it with filter.categories or filter.materials',
    );
  }

  // The affected rows: the subjects, within the caller's other scope filters.
  const affectedFilter: SupplyRiskFilter =
    filter.level === 'ITEM' ? { ...filter, materials: subjects } : { ...filter, categories: subjects };
  const read = (withRemoval?: Removal) =>
    findSupplyRisk(runner, affectedFilter, {
      asOf,
      order: 'NAME_ASC',
      offset: 0,
      limit: MAX_AFFECTED_ROWS,
      read: parts,
      ...(withRemoval ? { removal: withRemoval } : {}),
    });
  const [before, after] = await Promise.all([read(), read(removedCompanies)]);
  const afterById = new Map(after.rows.map((row) => [row.material.id, row]));
  const affected = before.rows.map((row) => ({
    material: row.material,
    before: row,
    after: afterById.get(row.material.id) ?? null,
  }));
  return {
    removedLinks,
    itemsWithoutSupplier: affected.filter((a) => a.after === null).map((a) => a.before),
    itemsWithOneSupplier: affected.flatMap((a) => (a.after?.supplierCount === 1 ? [a.after] : [])),
    affected,
  };
}

/**
 * Internal: which companies link to which materials. One statement returns every matching link with the
 * material's category (its nearest ancestor, or itself, that a Law designates as a critical material).
 */
import type { QueryRunner } from '../db/query-runner.ts';
import { SUPPLY_LINK_TYPES } from '../model/vocabulary.ts';
import { HOLDS_AS_OF } from './partial-date.ts';
import { toEntityRow, toRelationshipRow, type EntityRow, type RelationshipRow } from './rows.ts';

export interface CrossReferenceFilter {
  categories?: readonly string[] | null;
  companies?: readonly string[] | null;
  countries?: readonly string[] | null;
  programs?: readonly string[] | null;
  linkTypes?: readonly string[] | null;
  minCategories?: number | null;
}

export interface CrossReferenceLink {
  company: EntityRow;
  material: EntityRow;
  category: EntityRow | null;
  relationship: RelationshipRow;
}

/**
 * Takes: $linkTypes, $companies, $countries, $programs, $categories, $minCategories (each null for no condition),
 * $asOf. Returns: one row per link, ordered by company name, category name, material name. minCategories counts a
 * company's distinct categories over its links before the category condition, so "companies in two categories,
 * showing their semiconductor links" can be asked.
 */
const CROSS_REFERENCE = `
MATCH (c:Company)-[r]->(m:Material)
WHERE type(r) IN $linkTypes
  AND ${HOLDS_AS_OF}
  AND ($companies IS NULL OR c.id IN $companies)
  AND ($countries IS NULL OR EXISTS { (c)-[:BASED_IN]->(k:Country) WHERE k.id IN $countries })
  AND ($programs IS NULL OR r.program IN $programs)
CALL (m) {
  OPTIONAL MATCH path = (m)-[:PART_OF*0..4]->(cat:Material)
  WHERE EXISTS { (:Law)-[:DESIGNATES]->(cat) }
  RETURN cat
  ORDER BY length(path)
  LIMIT 1
}
WITH c, collect({r: r, m: m, cat: cat}) AS links, count(DISTINCT cat) AS categoryCount
WHERE $minCategories IS NULL OR categoryCount >= $minCategories
UNWIND links AS link
WITH c, link
WHERE $categories IS NULL OR link.cat.id IN $categories
RETURN properties(c) AS company, properties(link.m) AS material, properties(link.cat) AS category,
       type(link.r) AS type, properties(link.r) AS rel
ORDER BY toLower(c.name), toLower(link.cat.name), toLower(link.m.name), link.m.id, type, link.r.key`;

export async function findCrossReferences(
  runner: QueryRunner,
  filter: CrossReferenceFilter,
  asOf: string | null,
): Promise<CrossReferenceLink[]> {
  const rows = await runner.read<{
    company: Record<string, unknown>;
    material: Record<string, unknown>;
    category: Record<string, unknown> | null;
    type: string;
    rel: Record<string, unknown>;
  }>('cross-reference', CROSS_REFERENCE, {
    linkTypes: filter.linkTypes ?? SUPPLY_LINK_TYPES,
    companies: filter.companies ?? null,
    countries: filter.countries ?? null,
    programs: filter.programs ?? null,
    categories: filter.categories ?? null,
    minCategories: filter.minCategories ?? null,
    asOf,
  });
  return rows.map((row) => {
    const company = toEntityRow(row.company);
    const material = toEntityRow(row.material);
    return {
      company,
      material,
      category: row.category ? toEntityRow(row.category) : null,
      relationship: toRelationshipRow(row.type, company.id, material.id, row.rel),
    };
  });
}

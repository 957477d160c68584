/**
 * Internal: which companies link to which materials, each link with the material's category (its nearest
 * ancestor, or itself, that a Law designates as a critical material). The page is cut in Cypher and counted by a
 * second statement; where the filter names categories or companies, the statements start from those (an index
 * seek) rather than from every company, so a selective question does work in proportion to its answer.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import { SUPPLY_LINK_TYPES } from '../model/vocabulary.ts';
import { holdsAsOf } from './partial-date.ts';
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

/** The most PART_OF steps from a material item up to its category. */
const MAX_CATEGORY_DEPTH = 4;

/** Where the links come from: the named categories' materials, the named companies, or every company. */
const START = {
  categories: `
UNWIND $categories AS categoryId
MATCH (:Material {id: categoryId})<-[:PART_OF*0..${MAX_CATEGORY_DEPTH}]-(m:Material)
WITH DISTINCT m
MATCH (c:Company)-[r]->(m)`,
  companies: `
UNWIND $companies AS companyId
MATCH (c:Company {id: companyId})-[r]->(m:Material)`,
  all: `
MATCH (c:Company)-[r]->(m:Material)`,
};

/** The category of material `m` as `cat` (or null). */
const categoryOf = (m: string, cat: string) => `
CALL (${m}) {
  OPTIONAL MATCH path = (${m})-[:PART_OF*0..${MAX_CATEGORY_DEPTH}]->(category:Material)
  WHERE EXISTS { (:Law)-[:DESIGNATES]->(category) }
  RETURN category AS ${cat}
  ORDER BY length(path)
  LIMIT 1
}`;

/** The conditions on a link `rel` of company `c`, other than its category. */
const linkConditions = (rel: string) => `type(${rel}) IN $linkTypes
  AND ${holdsAsOf(rel)}
  AND ($programs IS NULL OR ${rel}.program IN $programs)`;

/**
 * Takes: $linkTypes, $companies, $countries, $programs, $categories, $minCategories (each null for no condition),
 * $asOf. Matches: one row per link (c, r, m, cat). minCategories counts a company's distinct categories over its
 * links before the category condition, so "companies in two categories, showing their semiconductor links" can
 * be asked.
 */
const MATCH_LINKS = (start: string) => `${start}
WHERE ${linkConditions('r')}
  AND ($companies IS NULL OR c.id IN $companies)
  AND ($countries IS NULL OR EXISTS { (c)-[:BASED_IN]->(k:Country) WHERE k.id IN $countries })
${categoryOf('m', 'cat')}
WITH c, r, m, cat
WHERE $categories IS NULL OR cat.id IN $categories
WITH c, collect({r: r, m: m, cat: cat}) AS links
CALL (c) {
  OPTIONAL MATCH (c)-[r2]->(m2:Material)
  WHERE $minCategories IS NOT NULL AND ${linkConditions('r2')}
  ${categoryOf('m2', 'cat2')}
  RETURN count(DISTINCT cat2) AS categoryCount
}
WITH c, links
WHERE $minCategories IS NULL OR categoryCount >= $minCategories
UNWIND links AS link
WITH c, link.r AS r, link.m AS m, link.cat AS cat`;

/** Takes: the above, $offset, $limit. Returns: the page, by company name, category name, material name. */
const PAGE = (start: string) => `${MATCH_LINKS(start)}
RETURN properties(c) AS company, properties(m) AS material, properties(cat) AS category,
       type(r) AS type, properties(r) AS rel
ORDER BY toLower(c.name), c.id, toLower(cat.name), toLower(m.name), m.id, type, r.key
SKIP toInteger($offset) LIMIT toInteger($limit)`;

/** Takes: the above. Returns: how many links match. */
const COUNT = (start: string) => `${MATCH_LINKS(start)}
RETURN count(*) AS total`;

const STATEMENTS = Object.fromEntries(
  Object.entries(START).map(([name, start]) => [name, { page: PAGE(start), count: COUNT(start) }]),
) as Record<keyof typeof START, { page: string; count: string }>;

function startOf(filter: CrossReferenceFilter): keyof typeof START {
  if (filter.categories) return 'categories';
  if (filter.companies) return 'companies';
  return 'all';
}

function paramsOf(filter: CrossReferenceFilter, asOf: string | null) {
  return {
    linkTypes: filter.linkTypes ?? SUPPLY_LINK_TYPES,
    companies: filter.companies ?? null,
    countries: filter.countries ?? null,
    programs: filter.programs ?? null,
    categories: filter.categories ?? null,
    minCategories: filter.minCategories ?? null,
    asOf,
  };
}

/** One page of links (offset and limit in Cypher) and how many match in all. */
export async function findCrossReferences(
  runner: QueryRunner,
  filter: CrossReferenceFilter,
  asOf: string | null,
  page: { offset: number; limit: number },
): Promise<{ links: CrossReferenceLink[]; total: number }> {
  const statements = STATEMENTS[startOf(filter)];
  const params = paramsOf(filter, asOf);
  const [rows, [count]] = await Promise.all([
    runner.read<{
      company: Record<string, unknown>;
      material: Record<string, unknown>;
      category: Record<string, unknown> | null;
      type: string;
      rel: Record<string, unknown>;
    }>('cross-reference.page', statements.page, { ...params, ...page }),
    runner.read<{ total: number }>('cross-reference.count', statements.count, params),
  ]);
  const links = rows.map((row) => {
    const company = toEntityRow(row.company);
    const material = toEntityRow(row.material);
    return {
      company,
      material,
      category: row.category ? toEntityRow(row.category) : null,
      relationship: toRelationshipRow(row.type, company.id, material.id, row.rel),
    };
  });
  return { links, total: count?.total ?? 0 };
}

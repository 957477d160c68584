/**
 * Internal: which companies link to which materials, each link with the material's category (its nearest
 * ancestor, or itself, that a Law designates as a critical material). The page is cut in Cypher and counted by a
 * second statement; where the filter names categories or companies, the statements start from those (an index
 * seek) rather than from every company, so a selective question does work in proportion to its answer.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import { SUPPLY_LINK_TYPES } from '../model/vocabulary.ts';
import { categoryOf, MAX_CATEGORY_DEPTH } from './material-category.ts';
import { holdsAsOf } from './partial-date.ts';
import { groupMembers, MAX_GROUP_IDS, toGroups, type GroupRow } from './kind-list.ts';
import { fieldsColumns, toPlannedRows, type FieldsColumn, type PlannedField } from './planned-fields.ts';
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
  /** The programme the link comes under (null for none), when the page read it (CrossReferenceFields.program). */
  program?: EntityRow | null;
}

/** The conditions on a link `rel` of company `c`, other than its category. */
const linkConditions = (rel: string) => `type(${rel}) IN $linkTypes
  AND ${holdsAsOf(rel)}
  AND ($programs IS NULL OR ${rel}.program IN $programs)`;

/**
 * Where the links (c, r, m, cat) come from: the named categories' materials, the named companies, or every
 * material (only the first start has $categories set: see startOf). Starting from materials, each material's
 * category is found once, before its links are expanded: a category with tens of thousands of links has only its
 * materials to walk up from.
 */
const START = {
  categories: `
UNWIND $categories AS categoryId
MATCH (named:Entity {id: categoryId})<-[:PART_OF*0..${MAX_CATEGORY_DEPTH}]-(m:Material)
WHERE named:Material
WITH DISTINCT m
${categoryOf('m', 'cat')}
WITH m, cat
WHERE cat.id IN $categories
MATCH (c:Company)-[r]->(m)
WHERE ${linkConditions('r')}`,
  companies: `
UNWIND $companies AS companyId
MATCH (c:Entity {id: companyId})-[r]->(m:Material)
WHERE c:Company AND ${linkConditions('r')}
${categoryOf('m', 'cat')}`,
  all: `
MATCH (m:Material)
${categoryOf('m', 'cat')}
MATCH (c:Company)-[r]->(m)
WHERE ${linkConditions('r')}`,
};

/**
 * Takes: $linkTypes, $companies, $countries, $programs, $categories (each null for no condition), $asOf, and with
 * `minCategories` $minCategories. Matches: one row per link (c, r, m, cat). minCategories counts a company's
 * distinct categories over its links before the category condition, so "companies in two categories, showing
 * their semiconductor links" can be asked; without it the statement has no such step.
 */
const MATCH_LINKS = (start: string, minCategories: boolean) => `${start}
WITH c, r, m, cat
WHERE ($companies IS NULL OR c.id IN $companies)
  AND ($countries IS NULL OR EXISTS { (c)-[:BASED_IN]->(k:Country) WHERE k.id IN $countries })${
    minCategories
      ? `
WITH c, collect({r: r, m: m, cat: cat}) AS links
CALL (c) {
  OPTIONAL MATCH (c)-[r2]->(m2:Material)
  WHERE ${linkConditions('r2')}
  ${categoryOf('m2', 'cat2')}
  RETURN count(DISTINCT cat2) AS categoryCount
}
WITH c, links
WHERE categoryCount >= $minCategories
UNWIND links AS link
WITH c, link.r AS r, link.m AS m, link.cat AS cat`
      : ''
  }`;

/**
 * Takes: the above, $offset, $limit, and the parameters of `planned` (the typed relationship fields planned on the
 * rows' entities, ./planned-fields.ts). Returns: the page, by company name, category name, material name, with
 * each link's programme `p` when `program`; the page is cut first, then each of its entities reads its planned
 * fields.
 */
const PAGE = (start: string, minCategories: boolean, program: boolean, planned: string) => `${MATCH_LINKS(
  start,
  minCategories,
)}
WITH c, r, m, cat
ORDER BY toLower(c.name), c.id, toLower(cat.name), toLower(m.name), m.id, type(r), r.key
SKIP toInteger($offset) LIMIT toInteger($limit)${
  program
    ? `
OPTIONAL MATCH (p:Entity {id: r.program})`
    : ''
}
RETURN properties(c) AS company, properties(m) AS material, properties(cat) AS category,
       type(r) AS type, properties(r) AS rel${program ? ', properties(p) AS program' : ''}${planned}`;

/** Takes: the above. Returns: how many links match. */
const COUNT = (start: string, minCategories: boolean) => `${MATCH_LINKS(start, minCategories)}
RETURN count(*) AS total`;

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

/**
 * What the page reads of each row's entities besides the link: the typed relationship fields planned on them
 * (src/resolvers/plan-selection.ts planEach), and whether the programme is read, with its fields.
 */
export interface CrossReferenceFields {
  company: readonly PlannedField[];
  material: readonly PlannedField[];
  category: readonly PlannedField[];
  /** The programme's fields, or null for a page that does not read the programme. */
  program: readonly PlannedField[] | null;
}

const NO_FIELDS: CrossReferenceFields = { company: [], material: [], category: [], program: null };

type PageRow = {
  company: Record<string, unknown>;
  material: Record<string, unknown>;
  category: Record<string, unknown> | null;
  type: string;
  rel: Record<string, unknown>;
  companyFields?: FieldsColumn;
  materialFields?: FieldsColumn;
  categoryFields?: FieldsColumn;
  program?: Record<string, unknown> | null;
  programFields?: FieldsColumn;
};

/** An entity of a row, with the rows of the fields planned on it. */
function entityOf(props: Record<string, unknown>, stored: FieldsColumn | undefined, fields: readonly PlannedField[]) {
  const entity = toEntityRow(props);
  if (fields.length > 0) entity.planned = toPlannedRows(entity, stored, fields);
  return entity;
}

/**
 * One page of links (offset and limit in Cypher), each with the typed fields planned on its entities read in the
 * page's statement, and, when `count`, how many links match (else null).
 */
export async function findCrossReferences(
  runner: QueryRunner,
  filter: CrossReferenceFilter,
  asOf: string | null,
  page: { offset: number; limit: number },
  count: true,
  fields?: CrossReferenceFields,
): Promise<{ links: CrossReferenceLink[]; total: number }>;
export async function findCrossReferences(
  runner: QueryRunner,
  filter: CrossReferenceFilter,
  asOf: string | null,
  page: { offset: number; limit: number },
  count: boolean,
  fields?: CrossReferenceFields,
): Promise<{ links: CrossReferenceLink[]; total: number | null }>;
export async function findCrossReferences(
  runner: QueryRunner,
  filter: CrossReferenceFilter,
  asOf: string | null,
  page: { offset: number; limit: number },
  count: boolean,
  fields: CrossReferenceFields = NO_FIELDS,
): Promise<{ links: CrossReferenceLink[]; total: number | null }> {
  const start = START[startOf(filter)];
  const minCategories = Boolean(filter.minCategories);
  const params = paramsOf(filter, asOf);
  const program = fields.program !== null;
  const programFields = fields.program ?? [];
  const planned = fieldsColumns([
    { fields: fields.company, variable: 'c', as: 'companyFields' },
    { fields: fields.material, variable: 'm', as: 'materialFields' },
    { fields: fields.category, variable: 'cat', as: 'categoryFields' },
    { fields: programFields, variable: 'p', as: 'programFields' },
  ]);
  const [rows, counted] = await Promise.all([
    runner.read<PageRow>('cross-reference.page', PAGE(start, minCategories, program, planned.text), {
      ...params,
      ...page,
      ...planned.params,
    }),
    count ? runner.read<{ total: number }>('cross-reference.count', COUNT(start, minCategories), params) : null,
  ]);
  const links = rows.map((row) => {
    const company = entityOf(row.company, row.companyFields, fields.company);
    const material = entityOf(row.material, row.materialFields, fields.material);
    return {
      company,
      material,
      category: row.category ? entityOf(row.category, row.categoryFields, fields.category) : null,
      relationship: toRelationshipRow(row.type, company.id, material.id, row.rel),
      ...(program ? { program: row.program ? entityOf(row.program, row.programFields, programFields) : null } : {}),
    };
  });
  return { links, total: counted ? (counted[0]?.total ?? 0) : null };
}

/** What cross-reference links can be grouped by: the entity each link names there, or its type. */
export type CrossReferenceGroupKey = 'COUNTRY' | 'CATEGORY' | 'PROGRAM' | 'COMPANY' | 'MATERIAL' | 'LINK_TYPE';

/**
 * Each key's group of link (c, r, m, cat) as `g` (an entity, or null for links without one). A company based in
 * two countries counts its links in both.
 */
const GROUP_OF: Record<Exclude<CrossReferenceGroupKey, 'LINK_TYPE'>, string> = {
  COUNTRY: 'OPTIONAL MATCH (c)-[:BASED_IN]->(g:Country)',
  CATEGORY: 'WITH r, cat AS g',
  PROGRAM: 'OPTIONAL MATCH (g:Entity {id: r.program})',
  COMPANY: 'WITH r, c AS g',
  MATERIAL: 'WITH r, m AS g',
};

/**
 * The matching links grouped by `by`, largest group first, then by key; at most `first` groups, each with its
 * links' ids (in id order, the first MAX_GROUP_IDS) so the answer can be checked and drawn, when `withIds`.
 */
export async function groupCrossReferences(
  runner: QueryRunner,
  filter: CrossReferenceFilter,
  asOf: string | null,
  by: CrossReferenceGroupKey,
  first: number,
  withIds = true,
): Promise<GroupRow[]> {
  const start = START[startOf(filter)];
  const group =
    by === 'LINK_TYPE'
      ? `WITH type(r) AS key, r
${groupMembers('key', 'r', withIds)}
RETURN key, null AS entity, count, ids`
      : `${GROUP_OF[by]}
${groupMembers('g', 'r', withIds)}
RETURN g.id AS key, properties(g) AS entity, count, ids`;
  const rows = await runner.read<Record<string, unknown>>(
    'cross-reference.group',
    `${MATCH_LINKS(start, Boolean(filter.minCategories))}
${group}
ORDER BY count DESC, key
LIMIT toInteger($first)`,
    { ...paramsOf(filter, asOf), first, maxIds: MAX_GROUP_IDS },
  );
  return toGroups(rows);
}

/**
 * Query.crossReference and Query.crossReferenceMatrix: which companies link to which materials, as rows (with
 * citations) or as a companies x materials matrix. Both run one statement.
 */
import type { RequestContext } from '../../context.ts';
import { findCrossReferences, type CrossReferenceFilter } from '../../graph/cross-reference.ts';
import { paginate } from '../../graph/pagination.ts';
import type { EntityRow } from '../../graph/rows.ts';
import type { RelationshipType } from '../../model/vocabulary.ts';
import { asOfBound, checkRange, optionalList } from '../arguments.ts';

function checkedFilter(filter: CrossReferenceFilter | null | undefined): CrossReferenceFilter {
  return {
    categories: optionalList('filter.categories', filter?.categories),
    companies: optionalList('filter.companies', filter?.companies),
    countries: optionalList('filter.countries', filter?.countries),
    programs: optionalList('filter.programs', filter?.programs),
    linkTypes: optionalList('filter.linkTypes', filter?.linkTypes),
    minCategories:
      filter?.minCategories === null || filter?.minCategories === undefined
        ? null
        : checkRange('filter.minCategories', filter.minCategories, 1, 20),
  };
}

interface Args {
  filter?: CrossReferenceFilter | null;
  asOf?: string | null;
  first?: number | null;
  after?: string | null;
}

export async function crossReference(_parent: unknown, args: Args, { runner }: RequestContext) {
  const links = await findCrossReferences(runner, checkedFilter(args.filter), asOfBound(args.asOf));
  return paginate(links, args.first ?? 100, args.after);
}

export async function crossReferenceMatrix(
  _parent: unknown,
  args: Omit<Args, 'first' | 'after'>,
  { runner }: RequestContext,
) {
  const links = await findCrossReferences(runner, checkedFilter(args.filter), asOfBound(args.asOf));
  const companies = uniqueBy(links.map((l) => l.company)).sort(byName);
  const categoryOf = new Map(links.map((l) => [l.material.id, l.category?.name ?? '']));
  const materials = uniqueBy(links.map((l) => l.material)).sort(
    (a, b) => (categoryOf.get(a.id) ?? '').localeCompare(categoryOf.get(b.id) ?? '') || byName(a, b),
  );
  const companyIndex = new Map(companies.map((c, i) => [c.id, i]));
  const materialIndex = new Map(materials.map((m, i) => [m.id, i]));
  const cells = new Map<
    string,
    { companyIndex: number; materialIndex: number; count: number; linkTypes: Set<RelationshipType> }
  >();
  for (const link of links) {
    const key = `${link.company.id} ${link.material.id}`;
    const cell = cells.get(key) ?? {
      companyIndex: companyIndex.get(link.company.id) ?? -1,
      materialIndex: materialIndex.get(link.material.id) ?? -1,
      count: 0,
      linkTypes: new Set<RelationshipType>(),
    };
    cell.count += 1;
    cell.linkTypes.add(link.relationship.type);
    cells.set(key, cell);
  }
  return {
    companies,
    materials,
    cells: [...cells.values()]
      .map((c) => ({ ...c, linkTypes: [...c.linkTypes].sort() }))
      .sort((a, b) => a.companyIndex - b.companyIndex || a.materialIndex - b.materialIndex),
  };
}

function uniqueBy(entities: EntityRow[]): EntityRow[] {
  return [...new Map(entities.map((e) => [e.id, e])).values()];
}

function byName(a: EntityRow, b: EntityRow): number {
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

/**
 * Internal: the cross-reference as a companies x materials matrix: companies by name, materials by category then
 * name, and one cell per company-material pair that has links.
 */
import type { RelationshipType } from '../model/vocabulary.ts';
import type { CrossReferenceLink } from './cross-reference.ts';
import type { EntityRow } from './rows.ts';

export interface CrossReferenceMatrix {
  companies: EntityRow[];
  materials: EntityRow[];
  cells: Array<{ companyIndex: number; materialIndex: number; count: number; linkTypes: RelationshipType[] }>;
}

export function toMatrix(links: readonly CrossReferenceLink[]): CrossReferenceMatrix {
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

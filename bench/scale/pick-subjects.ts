/**
 * Chooses what the benchmark questions ask about, from the generated graph itself (deterministic, no database):
 * a typical company (three or more materials, none with more than twice the average number of suppliers, so
 * the three-level answer stays a similar size at every scale), the hub country, the fourth-largest category
 * and a deep page of its cross-reference (90 % of the way down); for the risk analytics, the hub category and how
 * many relationships the supply-network projection holds (supply links, BASED_IN and PART_OF: in the generated
 * graph all of them join companies, countries and materials).
 */
import { SUPPLY_LINK_TYPES, type SyntheticGraph } from '../../src/generate/synthetic-graph.ts';
import type { Subjects } from './questions.ts';

export function pickSubjects(graph: SyntheticGraph): Subjects {
  const degree = new Map<string, number>();
  const suppliers = new Map<string, number>();
  const materialsOf = new Map<string, string[]>();
  const categoryOf = new Map<string, string>();
  const supplyTypes = new Set<string>(SUPPLY_LINK_TYPES);
  const links: Array<[string, string]> = [];
  let lastFacility = '';
  let supplyNetworkRelationships = 0;
  for (const r of graph.relationships()) {
    if (supplyTypes.has(r.type) || r.type === 'BASED_IN' || r.type === 'PART_OF') supplyNetworkRelationships += 1;
    degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
    degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
    if (r.type === 'PART_OF') categoryOf.set(r.from, r.to);
    if (r.type === 'OPERATES') lastFacility = r.to;
    if (supplyTypes.has(r.type)) {
      suppliers.set(r.to, (suppliers.get(r.to) ?? 0) + 1);
      const list = materialsOf.get(r.from) ?? [];
      list.push(r.to);
      materialsOf.set(r.from, list);
      links.push([r.from, r.to]);
    }
  }
  const cap = (2 * links.length) / suppliers.size;
  const company = [...materialsOf].find(([, ms]) => ms.length >= 3 && ms.every((m) => (suppliers.get(m) ?? 0) <= cap));
  if (!company) throw new Error('no typical company in the generated graph');
  const names = new Map(graph.entities.map((e) => [e.id, e.name]));
  const countries = new Set(graph.entities.filter((e) => e.kind === 'Country').map((e) => e.id));
  const hubCountry = [...countries].sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0))[0];
  const perCategory = new Map<string, number>();
  for (const [, material] of links) {
    const category = categoryOf.get(material);
    if (category) perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
  }
  const [category, total] = [...perCategory].sort((a, b) => b[1] - a[1])[3] ?? [];
  if (!hubCountry || !category || total === undefined) throw new Error('the generated graph has no hub or category');
  return {
    company: company[0],
    companyName: names.get(company[0]) ?? '',
    hubCountry,
    category,
    deepOffset: Math.floor((total * 0.9) / 100) * 100,
    pathTo: lastFacility,
    hubCategory: graph.hubs.category,
    supplyNetworkRelationships,
  };
}

/**
 * The cross-reference view: companies (rows) x materials (columns, grouped by their critical-material category)
 * as a heat map. A cell's hue is its category, its strength the number of links; clicking a cell asks for its
 * citations. Under each material, its supplier count from supplyRisk, marked when a single company supplies it;
 * clicking the count shows the item's concentration and the links it was computed from.
 */
import type { SupplyRiskRow } from './analytics-api.ts';
import type { MatrixData } from './api.ts';
import { el } from './dom.ts';

/** A stable hue per category id, so a category keeps its colour between renders. */
function hue(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

export function renderMatrix(
  container: HTMLElement,
  data: MatrixData,
  onCell: (companyIndex: number, materialIndex: number) => void,
  risk: ReadonlyMap<string, SupplyRiskRow>,
  onMaterial: (row: SupplyRiskRow) => void,
): void {
  const counts = new Map(data.cells.map((c) => [`${c.companyIndex}:${c.materialIndex}`, c]));
  const max = Math.max(1, ...data.cells.map((c) => c.count));

  // The category header: one cell spanning each run of materials of the same category.
  const groups: Array<{ name: string; id: string; span: number }> = [];
  for (const material of data.materials) {
    const category = material.category ?? material;
    const last = groups.at(-1);
    if (last !== undefined && last.id === category.id) last.span += 1;
    else groups.push({ name: category.name, id: category.id, span: 1 });
  }
  const categoryRow = el(
    'tr',
    {},
    el('th', { class: 'corner' }, 'category'),
    ...groups.map((g) => {
      const th = el('th', { colspan: String(g.span), class: 'category', title: g.name }, g.name);
      th.style.background = `hsl(${hue(g.id)} 70% 80%)`;
      return th;
    }),
  );
  const materialRow = el(
    'tr',
    {},
    el('th', { class: 'corner' }, 'company \\ material'),
    ...data.materials.map((m) =>
      el(
        'th',
        { class: risk.get(m.id)?.singleSupplier === true ? 'material single' : 'material', title: m.name },
        el('span', {}, m.name),
      ),
    ),
  );
  const supplierRow = el(
    'tr',
    { class: 'suppliers' },
    el('th', { class: 'corner', title: 'Distinct supplying companies (supplyRisk); ! = single supplier' }, 'suppliers'),
    ...data.materials.map((m) => {
      const row = risk.get(m.id);
      if (row === undefined) return el('th', { class: 'supplier-count', 'data-material': m.id }, '–');
      const th = el(
        'th',
        {
          class: row.singleSupplier ? 'supplier-count single' : 'supplier-count',
          'data-material': m.id,
          'data-suppliers': String(row.supplierCount),
          title: `${m.name}: ${row.supplierCount} supplier${row.supplierCount === 1 ? '' : 's'}${row.singleSupplier ? ' (single supplier)' : ''}, HHI ${Math.round(row.hhiByCompany)}`,
        },
        row.singleSupplier ? '1!' : String(row.supplierCount),
      );
      th.addEventListener('click', () => onMaterial(row));
      return th;
    }),
  );
  const body = data.companies.map((company, ci) =>
    el(
      'tr',
      { 'data-company': company.id },
      el('th', { class: 'company' }, company.name),
      ...data.materials.map((material, mi) => {
        const cell = counts.get(`${ci}:${mi}`);
        if (cell === undefined) return el('td', {});
        const td = el(
          'td',
          {
            class: 'filled',
            'data-material': material.id,
            title: `${company.name} × ${material.name} (${(material.category ?? material).name}): ${cell.linkTypes.join(', ')}`,
          },
          String(cell.count),
        );
        const strength = 0.35 + 0.65 * (cell.count / max);
        td.style.background = `hsl(${hue((material.category ?? material).id)} 70% ${Math.round(80 - 40 * strength)}%)`;
        td.addEventListener('click', () => onCell(ci, mi));
        return td;
      }),
    ),
  );
  container.replaceChildren(
    el(
      'p',
      { class: 'muted' },
      `${data.companies.length} companies × ${data.materials.length} materials, ${data.cells.length} links. ` +
        `Click a cell for its citations, a supplier count for the item's concentration; red "1!": a single supplier.`,
    ),
    el('table', { class: 'matrix' }, el('thead', {}, categoryRow, materialRow, supplierRow), el('tbody', {}, ...body)),
  );
}

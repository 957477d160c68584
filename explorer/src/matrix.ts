/**
 * The cross-reference view: companies (rows) × materials (columns) as a heat map, its columns grouped under their
 * designated category with a two-level header that stays in view while scrolling (category, then item), the
 * supplier count of each item from supplyRisk (a single supplier marked red), row and column totals. A cell's hue
 * is its category, its strength the number of links, its number black or white, whichever contrasts more. Every
 * filled cell and supplier count is a button: a click or Enter asks for its citations; the filled cells are one tab
 * stop, moved through with the arrow keys (matrix-keys.ts).
 */
import type { SupplyRiskRow } from './analytics-api.ts';
import { hslToHex, textColorOn } from './contrast.ts';
import { el } from './dom.ts';
import { enableMatrixKeys } from './matrix-keys.ts';
import type { MatrixColumn, MatrixLayout, MatrixRow } from './matrix-model.ts';

/** Category hues: blues, greens, purples and browns; no red, which marks a single supplier. */
const CATEGORY_HUES = [215, 150, 275, 35, 190, 95, 320, 55];

/** A stable hue per category id, so a category keeps its colour between renders and filters. */
function hue(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) % 7919;
  return CATEGORY_HUES[h % CATEGORY_HUES.length] ?? 215;
}

export interface MatrixEvents {
  cell(row: MatrixRow, column: MatrixColumn): void;
  material(row: SupplyRiskRow): void;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function renderMatrix(container: HTMLElement, layout: MatrixLayout, events: MatrixEvents): void {
  const max = Math.max(1, ...layout.rows.flatMap((r) => [...r.cells.values()].map((c) => c.count)));
  const columns = layout.groups.flatMap((group) =>
    group.columns.map((column, i) => ({ group, column, first: i === 0 })),
  );
  const groupClass = (first: boolean) => (first ? ' group-start' : '');

  const categoryRow = el(
    'tr',
    { class: 'categories' },
    el('th', { class: 'corner', scope: 'col' }, 'category'),
    ...layout.groups.map((g) => {
      const th = el(
        'th',
        {
          colspan: String(g.columns.length),
          scope: 'colgroup',
          class: 'category group-start',
          'data-category': g.category?.id ?? '',
        },
        g.category?.name ?? 'no designated category',
      );
      th.style.background = g.category === null ? '#eeeeee' : hslToHex(hue(g.category.id), 55, 88);
      return th;
    }),
    el('th', { class: 'total-head', rowspan: '3', scope: 'col' }, 'total'),
  );
  const materialRow = el(
    'tr',
    { class: 'materials' },
    el('th', { class: 'corner', scope: 'col' }, 'company \\ material'),
    ...columns.map(({ group, column, first }) =>
      el(
        'th',
        {
          scope: 'col',
          class: `material${column.risk?.singleSupplier === true ? ' single' : ''}${groupClass(first)}`,
          'data-material': column.material.id,
          'data-category': group.category?.id ?? '',
        },
        el('span', {}, column.material.name),
      ),
    ),
  );
  const supplierRow = el(
    'tr',
    { class: 'suppliers' },
    el(
      'th',
      { class: 'corner', scope: 'row', title: 'Distinct supplying companies (supplyRisk); 1! = a single supplier' },
      'suppliers',
    ),
    ...columns.map(({ column, first }) => {
      const row = column.risk;
      const attributes = { class: `supplier-count${groupClass(first)}`, 'data-material': column.material.id };
      if (row === undefined) return el('th', attributes, '–');
      const label =
        `${column.material.name}: ${plural(row.supplierCount, 'supplier')}` +
        `${row.singleSupplier ? ' (single supplier)' : ''}, HHI ${Math.round(row.hhiByCompany)}`;
      const button = el(
        'button',
        { type: 'button', 'aria-label': label, title: label },
        row.singleSupplier ? '1!' : String(row.supplierCount),
      );
      button.addEventListener('click', () => events.material(row));
      return el(
        'th',
        {
          ...attributes,
          class: `${attributes.class}${row.singleSupplier ? ' single' : ''}`,
          'data-suppliers': String(row.supplierCount),
        },
        button,
      );
    }),
  );
  const rows = layout.rows.map((row) =>
    el(
      'tr',
      { 'data-company': row.company.id },
      el(
        'th',
        { class: 'company', scope: 'row' },
        row.company.name,
        row.company.country !== null ? el('span', { class: 'country' }, ` · ${row.company.country.name}`) : null,
      ),
      ...columns.map(({ group, column, first }) => {
        const cell = row.cells.get(column.index);
        if (cell === undefined) return el('td', { class: groupClass(first).trim() });
        const strength = cell.count / max;
        const background =
          group.category === null
            ? hslToHex(0, 0, Math.round(85 - 45 * strength))
            : hslToHex(hue(group.category.id), 65, Math.round(82 - 42 * strength));
        const label = `${row.company.name} × ${column.material.name} (${group.category?.name ?? 'no category'}): ${plural(cell.count, 'link')}, ${cell.linkTypes.join(', ')}`;
        const button = el('button', { type: 'button', 'aria-label': label, title: label }, String(cell.count));
        button.style.background = background;
        button.style.color = textColorOn(background);
        button.addEventListener('click', () => events.cell(row, column));
        return el('td', { class: `filled${groupClass(first)}`, 'data-material': column.material.id }, button);
      }),
      el('td', { class: 'row-total', 'data-company': row.company.id }, String(row.total)),
    ),
  );
  const totals = el(
    'tr',
    { class: 'totals' },
    el('th', { class: 'corner', scope: 'row' }, 'total'),
    ...columns.map(({ column, first }) =>
      el(
        'td',
        { class: `column-total${groupClass(first)}`, 'data-material': column.material.id },
        String(column.total),
      ),
    ),
    el('td', { class: 'grand-total' }, String(layout.total)),
  );
  const body = el('tbody', {}, ...rows);
  enableMatrixKeys(body);
  enableMatrixKeys(supplierRow);
  container.replaceChildren(
    el(
      'table',
      { class: 'matrix', 'aria-label': 'Companies × materials: links per company and item' },
      el('thead', {}, categoryRow, materialRow, supplierRow),
      body,
      el('tfoot', {}, totals),
    ),
  );
  // Each header row sticks just under the ones above it, at the height they were drawn with.
  const headRows = [categoryRow, materialRow, supplierRow];
  let top = 0;
  for (const row of headRows) {
    for (const th of row.querySelectorAll<HTMLElement>(':scope > th')) th.style.top = `${top}px`;
    top += row.getBoundingClientRect().height;
  }
}

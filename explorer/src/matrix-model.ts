/**
 * The companies × materials matrix as the page lays it out, from the API's answers alone: columns grouped under
 * their designated critical-material category (supplyRisk's `category`, the one crossReferenceMatrix orders its
 * columns by), row and column totals summed from the API's cells, the orders a reader can choose, and the CSV of
 * what is shown. Pure: no DOM.
 */
import type { SupplyRiskRow } from './analytics-api.ts';
import type { MatrixData } from './api.ts';

interface Named {
  id: string;
  name: string;
}

interface MatrixCell {
  count: number;
  linkTypes: string[];
}

export interface MatrixColumn {
  material: Named;
  /** Index into the API's `materials` (what a cell's materialIndex points at). */
  index: number;
  /** Links in this column: the sum of its cells. */
  total: number;
  /** The item's supplyRisk row under the same filter; undefined when the API gave none. */
  risk: SupplyRiskRow | undefined;
}

interface MatrixGroup {
  /** The designated category; null for items under none. */
  category: Named | null;
  columns: MatrixColumn[];
  total: number;
}

export interface MatrixRow {
  company: Named & { country: Named | null };
  /** Index into the API's `companies`. */
  index: number;
  total: number;
  /** Cells by the API's material index; absent: no link. */
  cells: Map<number, MatrixCell>;
}

export interface MatrixLayout {
  groups: MatrixGroup[];
  rows: MatrixRow[];
  /** All links in the matrix: the sum of every cell. */
  total: number;
}

export const ROW_ORDERS = ['name', 'total'] as const;
export type RowOrder = (typeof ROW_ORDERS)[number];
export const COLUMN_ORDERS = ['name', 'total', 'suppliers'] as const;
export type ColumnOrder = (typeof COLUMN_ORDERS)[number];

/**
 * Lays the matrix out. Categories keep the API's order (the order their items first appear in); within a category
 * the columns follow `columnOrder`: the API's (by name), most links first, or fewest suppliers first (single
 * suppliers leftmost). Rows follow `rowOrder`: the API's (by name) or most links first.
 */
export function layOutMatrix(
  data: MatrixData,
  risk: ReadonlyMap<string, SupplyRiskRow>,
  rowOrder: RowOrder,
  columnOrder: ColumnOrder,
): MatrixLayout {
  const columnTotals = new Map<number, number>();
  const rows: MatrixRow[] = data.companies.map((company, index) => ({
    company: { id: company.id, name: company.name, country: company.country },
    index,
    total: 0,
    cells: new Map(),
  }));
  let total = 0;
  for (const cell of data.cells) {
    const row = rows[cell.companyIndex];
    if (row === undefined) continue;
    row.cells.set(cell.materialIndex, { count: cell.count, linkTypes: cell.linkTypes });
    row.total += cell.count;
    columnTotals.set(cell.materialIndex, (columnTotals.get(cell.materialIndex) ?? 0) + cell.count);
    total += cell.count;
  }

  const groups = new Map<string, MatrixGroup>();
  data.materials.forEach((material, index) => {
    const row = risk.get(material.id);
    const category = row?.category ?? null;
    const key = category?.id ?? '';
    const group = groups.get(key) ?? { category, columns: [], total: 0 };
    const column = {
      material: { id: material.id, name: material.name },
      index,
      total: columnTotals.get(index) ?? 0,
      risk: row,
    };
    group.columns.push(column);
    group.total += column.total;
    groups.set(key, group);
  });
  const byColumn: Record<ColumnOrder, (a: MatrixColumn, b: MatrixColumn) => number> = {
    name: (a, b) => a.index - b.index,
    total: (a, b) => b.total - a.total || a.index - b.index,
    suppliers: (a, b) => (a.risk?.supplierCount ?? Infinity) - (b.risk?.supplierCount ?? Infinity) || a.index - b.index,
  };
  for (const group of groups.values()) group.columns.sort(byColumn[columnOrder]);
  if (rowOrder === 'total') rows.sort((a, b) => b.total - a.total || a.index - b.index);
  return { groups: [...groups.values()], rows, total };
}

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The matrix as shown, as CSV: a header row naming each column "category / material", one row per company with
 * its link counts (empty: no link) and total, then the column totals and the supplier counts (supplyRisk).
 */
export function matrixCsv(layout: MatrixLayout): string {
  const columns = layout.groups.flatMap((g) => g.columns.map((c) => ({ group: g, column: c })));
  const lines = [
    [
      'company',
      'country',
      ...columns.map(({ group, column }) => `${group.category?.name ?? 'no category'} / ${column.material.name}`),
      'total',
    ],
    ...layout.rows.map((row) => [
      row.company.name,
      row.company.country?.name ?? '',
      ...columns.map(({ column }) => row.cells.get(column.index)?.count ?? ''),
      row.total,
    ]),
    ['total', '', ...columns.map(({ column }) => column.total), layout.total],
    ['suppliers', '', ...columns.map(({ column }) => column.risk?.supplierCount ?? ''), ''],
  ];
  return `${lines.map((line) => line.map(field).join(',')).join('\r\n')}\r\n`;
}

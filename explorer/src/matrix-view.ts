/**
 * The Companies × materials tab: its filters (category, country, link type, passed to crossReferenceMatrix and
 * supplyRisk, so the API does the narrowing and the counts stay the API's), its orders, the CSV download, and the
 * table. A cell's or supplier count's citations go to the side panel.
 */
import {
  riskCategories,
  supplyRiskOf,
  SUPPLY_LINK_TYPES,
  type SupplyLinkType,
  type SupplyRiskRow,
} from './analytics-api.ts';
import { cellRows, matrix, MATRIX_QUERY, type MatrixData, type MatrixFilter } from './api.ts';
import { showSupplyRisk } from './analysis-panel.ts';
import { byId, el } from './dom.ts';
import { graphiqlUrl } from './export-view.ts';
import { renderMatrix } from './matrix.ts';
import { layOutMatrix, matrixCsv, type ColumnOrder, type MatrixLayout, type RowOrder } from './matrix-model.ts';
import { showCell } from './panel.ts';
import { writeState, type ViewState } from './url-state.ts';

export interface MatrixViewContext {
  state: ViewState;
  panel: HTMLElement;
  status: HTMLElement;
  graphiqlLink: HTMLAnchorElement;
  /** Called after each completed load (the test waits on the count). */
  loaded(): void;
}

function options(select: HTMLSelectElement, all: string, entries: ReadonlyArray<{ id: string; name: string }>): void {
  const value = select.value;
  select.replaceChildren(
    el('option', { value: '' }, all),
    ...entries.map((e) => el('option', { value: e.id }, e.name)),
  );
  select.value = entries.some((e) => e.id === value) ? value : '';
}

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = el('a', { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Wires the matrix tab's controls; returns its loader. */
export function setUpMatrixView(context: MatrixViewContext): { load(): Promise<void> } {
  const { state, panel, status } = context;
  const category = byId<HTMLSelectElement>('matrix-category');
  const country = byId<HTMLSelectElement>('matrix-country');
  const links = byId<HTMLSelectElement>('matrix-links');
  const rows = byId<HTMLSelectElement>('matrix-rows');
  const columns = byId<HTMLSelectElement>('matrix-columns');
  const summary = byId('matrix-summary');
  const table = byId('matrix-table');
  /** Countries met in answers so far: a filtered answer names only its own, so the list keeps the others. */
  const countries = new Map<string, string>();
  let categoriesAsOf: string | null | undefined;
  let shown: { data: MatrixData; risk: Map<string, SupplyRiskRow>; layout: MatrixLayout | null } | null = null;
  let ticket = 0;

  links.replaceChildren(
    el('option', { value: '' }, 'all link types'),
    ...SUPPLY_LINK_TYPES.map((t) => el('option', { value: t }, t)),
  );
  links.value = state.matrixLinks ?? '';
  rows.value = state.matrixRows;
  columns.value = state.matrixColumns;

  const filter = (): MatrixFilter => ({
    ...(state.matrixCategory !== null ? { categories: [state.matrixCategory] } : {}),
    ...(state.matrixCountry !== null ? { countries: [state.matrixCountry] } : {}),
    ...(state.matrixLinks !== null ? { linkTypes: [state.matrixLinks] } : {}),
  });

  async function load(): Promise<void> {
    const mine = ++ticket;
    context.graphiqlLink.href = graphiqlUrl(MATRIX_QUERY, { filter: filter(), asOf: state.asOf });
    summary.textContent = 'Loading…';
    try {
      if (categoriesAsOf !== state.asOf) {
        const found = await riskCategories(state.asOf);
        options(category, 'all categories', found);
        categoriesAsOf = state.asOf;
      }
      category.value = state.matrixCategory ?? '';
      const data = await matrix(filter(), state.asOf);
      // Supplier counts under the same link type and country: the API's own answer (supplyRisk), not a count here.
      const risk = await supplyRiskOf(
        data.materials.map((m) => m.id),
        state.matrixLinks !== null ? [state.matrixLinks] : null,
        state.asOf,
        state.matrixCountry !== null ? [state.matrixCountry] : null,
      ).catch((error: Error) => {
        status.textContent = `Supplier counts: ${error.message}`;
        return [];
      });
      if (mine !== ticket) return;
      for (const c of data.companies) if (c.country !== null) countries.set(c.country.id, c.country.name);
      options(
        country,
        countries.size === 0 ? 'all (no company’s country is stated)' : 'all countries',
        [...countries].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
      );
      country.value = state.matrixCountry ?? '';
      country.disabled = countries.size === 0 && state.matrixCountry === null;
      shown = { data, risk: new Map(risk.map((r) => [r.material.id, r])), layout: null };
      draw();
    } catch (error) {
      if (mine !== ticket) return;
      summary.textContent = `The matrix could not be loaded: ${(error as Error).message}`;
      table.replaceChildren();
    }
    context.loaded();
  }

  /** Lays out and draws the answer shown, in the orders chosen. */
  function draw(): void {
    if (shown === null) return;
    const { data } = shown;
    const layout = layOutMatrix(data, shown.risk, state.matrixRows, state.matrixColumns);
    shown.layout = layout;
    const singles = layout.groups.flatMap((g) => g.columns).filter((c) => c.risk?.singleSupplier === true).length;
    summary.textContent =
      data.cells.length === 0
        ? 'No link matches these filters' + (state.asOf !== null ? ` as of ${state.asOf}` : '') + '.'
        : `${data.companies.length} companies × ${data.materials.length} items in ${layout.groups.length} ` +
          `categor${layout.groups.length === 1 ? 'y' : 'ies'}, ${layout.total} links; ${singles} single-supplier ` +
          `item${singles === 1 ? '' : 's'} (red "1!")` +
          (data.truncated ? `; built from the first 5,000 of ${data.linkCount} links: narrow the filters` : '') +
          '. A cell or a supplier count gives its citations.';
    const names = new Map([...data.companies, ...data.materials].map((e) => [e.id, e.name]));
    renderMatrix(table, layout, {
      cell: (row, column) => {
        void cellRows(row.company.id, column.material.id, state.asOf).then((found) => {
          const kept = found.filter((r) => state.matrixLinks === null || r.linkType === state.matrixLinks);
          if (shown?.data === data) showCell(panel, row.company.name, column.material.name, kept);
        });
      },
      material: (row) => showSupplyRisk(panel, row, (id) => names.get(id) ?? id),
    });
  }

  const refilter = () => {
    state.matrixCategory = category.value || null;
    state.matrixCountry = country.value || null;
    state.matrixLinks = (links.value || null) as SupplyLinkType | null;
    writeState(state);
    void load();
  };
  for (const select of [category, country, links]) select.addEventListener('change', refilter);
  const reorder = () => {
    state.matrixRows = rows.value as RowOrder;
    state.matrixColumns = columns.value as ColumnOrder;
    writeState(state);
    draw();
  };
  rows.addEventListener('change', reorder);
  columns.addEventListener('change', reorder);
  byId('matrix-csv').addEventListener('click', () => {
    if (shown?.layout == null) return;
    const parts = [
      'companies-materials',
      state.matrixCategory?.replace(/^[a-z]+:/, ''),
      state.matrixCountry?.replace(/^[a-z]+:/, ''),
      state.matrixLinks?.toLowerCase().replace(/_/g, '-'),
      state.asOf ?? undefined,
    ].filter((p): p is string => p !== undefined);
    download(matrixCsv(shown.layout), `${parts.join('-')}.csv`);
  });
  return { load };
}

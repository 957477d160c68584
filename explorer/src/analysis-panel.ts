/**
 * The side panel's analysis views: a what-if's report (the items left without or with one supplier, the removed
 * links with their citations), the exposure paths hop by hop, the changes of a period, and one item's supply
 * concentration. Every figure is listed with the cited links it came from.
 */
import type { Change, CitedLink, DisruptionReport, ExposurePath, SupplyRiskRow } from './analytics-api.ts';
import type { Citation } from './api.ts';
import { el } from './dom.ts';
import { citationList } from './panel.ts';
import { ENDED_LINK, ONE_SUPPLIER_LEFT, STARTED_LINK, WITHOUT_SUPPLIER } from './palette.ts';

/** A display name for an entity id: the drawn label when there is one. */
export type NameOf = (id: string) => string;

/** The children given, without the nulls of optional parts. */
function present(...children: Array<Node | null>): Node[] {
  return children.filter((c): c is Node => c !== null);
}

/** Lists this long or shorter show every citation open; longer ones fold them, a click away. */
const OPEN_UP_TO = 12;

function linkItem(link: CitedLink, nameOf: NameOf, extra = '', open = false): HTMLElement {
  return el(
    'details',
    { class: 'link', 'data-link': link.id, ...(open ? { open: '' } : {}) },
    el('summary', {}, `${extra}${nameOf(link.source)} ${link.type} → ${nameOf(link.target)}`),
    citationList(link.sources as Citation[]),
  );
}

function dot(color: string): HTMLElement {
  const d = el('span', { class: 'dot' });
  d.style.background = color;
  return d;
}

/** "(12)", or "(first 100 of 2,430)" when the list is a slice of a longer one. */
function countOf(shown: number, total: number): string {
  return shown < total ? `(first ${shown} of ${total.toLocaleString('en')})` : `(${total})`;
}

export function showDisruption(panel: HTMLElement, report: DisruptionReport, nameOf: NameOf): void {
  const without = report.itemsWithoutSupplier;
  const one = report.itemsWithOneSupplier;
  panel.replaceChildren(
    ...present(
      el('h2', {}, `What-if: without ${report.removed.map((e) => e.name).join(', ')}`),
      el(
        'p',
        { class: 'muted' },
        `${report.removedLinkCount.toLocaleString('en')} supply links go; ` +
          `${report.affectedCount.toLocaleString('en')} items lose at least one.`,
      ),
      el('h3', {}, `Items that lose every supplier ${countOf(without.length, report.itemsWithoutSupplierCount)}`),
      el(
        'ul',
        { class: 'items', id: 'what-if-without' },
        ...without.map((item) => el('li', { 'data-id': item.material.id }, dot(WITHOUT_SUPPLIER), item.material.name)),
      ),
      without.length === 0 ? el('p', { class: 'muted' }, 'None.') : null,
      el('h3', {}, `Items left with one supplier ${countOf(one.length, report.itemsWithOneSupplierCount)}`),
      el(
        'ul',
        { class: 'items', id: 'what-if-one' },
        ...one.map((item) =>
          el(
            'li',
            { 'data-id': item.material.id },
            dot(ONE_SUPPLIER_LEFT),
            item.material.name,
            el('span', { class: 'muted' }, ` (${item.suppliers.map((s) => s.entity?.name ?? 'unknown').join(', ')})`),
          ),
        ),
      ),
      one.length === 0 ? el('p', { class: 'muted' }, 'None.') : null,
      el('h3', {}, `Suppliers before → after ${countOf(report.affected.length, report.affectedCount)}`),
      el(
        'table',
        { class: 'properties' },
        ...report.affected.map((a) =>
          el(
            'tr',
            {},
            el('th', {}, a.material.name),
            el('td', {}, `${a.before.supplierCount} → ${a.after?.supplierCount ?? 0}`),
          ),
        ),
      ),
      el('h3', {}, `Removed links ${countOf(report.removedLinks.length, report.removedLinkCount)}`),
      ...report.removedLinks.map((link) => linkItem(link, nameOf, '', report.removedLinks.length <= OPEN_UP_TO)),
    ),
  );
}

export function showPaths(panel: HTMLElement, from: string, to: string, found: readonly ExposurePath[]): void {
  panel.replaceChildren(
    el('h2', {}, `Paths: ${from} → ${to}`),
    el(
      'p',
      { class: 'muted', id: 'paths-count' },
      `${found.length} path${found.length === 1 ? '' : 's'}, shortest first.`,
    ),
    ...found.map((path, i) => {
      const names = new Map(path.nodes.map((n) => [n.id, n.name]));
      const nameOf = (id: string) => names.get(id) ?? id;
      return el(
        'section',
        { class: 'path', 'data-path': String(i) },
        el('h3', {}, `${i + 1}. ${path.nodes.map((n) => n.name).join(' – ')} (${path.length} hops)`),
        ...path.edges.map((edge) => linkItem(edge, nameOf, '', found.length * path.edges.length <= 3 * OPEN_UP_TO)),
      );
    }),
  );
}

export function showChanges(
  panel: HTMLElement,
  period: { from: string; to: string },
  found: { totalCount: number; changes: readonly Change[] },
  nameOf: NameOf,
): void {
  const listed = found.changes.length;
  panel.replaceChildren(
    el('h2', {}, `Changes ${period.from} – ${period.to}`),
    el(
      'p',
      { class: 'muted', id: 'changes-count' },
      `${found.totalCount} relationships started or ended` +
        (listed < found.totalCount ? ` (first ${listed} listed)` : '') +
        '.',
    ),
    ...found.changes.map((c) => {
      const item = linkItem(c.relationship, nameOf, `${c.date} `);
      item.querySelector('summary')?.prepend(dot(c.change === 'STARTED' ? STARTED_LINK : ENDED_LINK));
      item.classList.add(c.change === 'STARTED' ? 'started' : 'ended');
      return item;
    }),
  );
}

export function showSupplyRisk(panel: HTMLElement, row: SupplyRiskRow, nameOf: NameOf): void {
  const weighting = row.weighting === 'LINK_COUNT' ? 'link counts, not market shares' : 'stated shares';
  panel.replaceChildren(
    el('h2', {}, row.material.name),
    el(
      'p',
      {},
      `${row.supplierCount} supplier${row.supplierCount === 1 ? '' : 's'} in ${row.countryCount} known countr${row.countryCount === 1 ? 'y' : 'ies'}; ` +
        `HHI by company ${Math.round(row.hhiByCompany).toLocaleString('en')}` +
        (row.hhiByCountry !== null ? `, by country ${Math.round(row.hhiByCountry).toLocaleString('en')}` : '') +
        (row.singleSupplier ? '; single supplier' : ''),
    ),
    el('p', { class: 'muted' }, `Weighting: ${weighting}.`),
    el(
      'table',
      { class: 'properties' },
      ...row.suppliers.map((s) =>
        el(
          'tr',
          {},
          el('th', {}, s.entity?.name ?? 'unknown'),
          el('td', {}, `${Math.round(s.share * 100)} % (${s.linkCount} links)`),
        ),
      ),
    ),
    el('h3', {}, `Links (${row.links.length})`),
    ...row.links.map((link) => linkItem(link, nameOf, '', row.links.length <= OPEN_UP_TO)),
  );
}

/**
 * The side panel: the selected node's or edge's properties and its citations (document, section, table and row,
 * and the exact source text), or the links behind a matrix cell.
 */
import type { Citation, CrossReferenceRow, EntityDetails, RelationshipData } from './api.ts';
import { el } from './dom.ts';
import { kindStyle } from './kinds.ts';

/** The children given, without the nulls of optional parts. */
function present(...children: Array<Node | null>): Node[] {
  return children.filter((c): c is Node => c !== null);
}

export function citationList(sources: readonly Citation[]): HTMLElement {
  if (sources.length === 0) return el('p', { class: 'muted' }, 'No citation.');
  return el(
    'ul',
    { class: 'citations' },
    ...sources.map((s) =>
      el(
        'li',
        { class: 'citation' },
        el('blockquote', {}, s.quote),
        el(
          'div',
          { class: 'where' },
          [s.document.title, s.section, s.table !== null ? `${s.table}${s.row !== null ? `, row ${s.row}` : ''}` : null]
            .filter((part) => part !== null)
            .join(' · '),
        ),
      ),
    ),
  );
}

function propertyTable(properties: Record<string, unknown>): HTMLElement | null {
  const entries = Object.entries(properties).filter(([key]) => !['id', 'kind', 'name', 'aliases'].includes(key));
  if (entries.length === 0) return null;
  return el(
    'table',
    { class: 'properties' },
    ...entries.map(([key, value]) =>
      el('tr', {}, el('th', {}, key), el('td', {}, typeof value === 'string' ? value : JSON.stringify(value))),
    ),
  );
}

function kindBadge(kind: string): HTMLElement {
  const badge = el('span', { class: 'badge' }, kind);
  badge.style.background = kindStyle(kind).color;
  return badge;
}

export function showEntity(
  panel: HTMLElement,
  entity: EntityDetails,
  links: ReadonlyArray<{ relationship: RelationshipData; otherName: string; outgoing: boolean }>,
  actions: readonly HTMLElement[] = [],
): void {
  panel.replaceChildren(
    ...present(
      el('h2', {}, entity.name),
      el('div', { class: 'subtitle' }, kindBadge(entity.kind), ` ${entity.id}`),
      actions.length > 0 ? el('div', { class: 'actions' }, ...actions) : null,
      entity.aliases.length > 0 ? el('p', {}, el('b', {}, 'Also: '), entity.aliases.join('; ')) : null,
      entity.description !== null ? el('p', {}, entity.description) : null,
      entity.note !== null ? el('p', { class: 'note' }, el('b', {}, 'Note: '), entity.note) : null,
      propertyTable(entity.properties),
      el('h3', {}, 'Citations'),
      citationList(entity.sources),
      links.length > 0 ? el('h3', {}, `Links in view (${links.length})`) : null,
      ...links.map(({ relationship, otherName, outgoing }) =>
        el(
          'details',
          { class: 'link' },
          el('summary', {}, outgoing ? `${relationship.type} → ${otherName}` : `← ${relationship.type} ${otherName}`),
          citationList(relationship.sources),
        ),
      ),
    ),
  );
}

export function showRelationship(
  panel: HTMLElement,
  relationship: RelationshipData,
  sourceName: string,
  targetName: string,
): void {
  panel.replaceChildren(
    ...present(
      el('h2', {}, relationship.type),
      el('p', {}, `${sourceName} → ${targetName}`),
      el('div', { class: 'subtitle' }, relationship.id),
      relationship.note !== null ? el('p', { class: 'note' }, el('b', {}, 'Note: '), relationship.note) : null,
      propertyTable(relationship.properties),
      el('h3', {}, 'Citations'),
      citationList(relationship.sources),
    ),
  );
}

export function showCell(
  panel: HTMLElement,
  company: string,
  material: string,
  rows: readonly CrossReferenceRow[],
): void {
  panel.replaceChildren(
    ...present(
      el('h2', {}, `${company} × ${material}`),
      ...rows.flatMap((row) => [
        el(
          'h3',
          {},
          [row.linkType, row.category?.name, row.program?.name, row.date].filter((part) => part != null).join(' · '),
        ),
        citationList(row.sources),
      ]),
      rows.length === 0 ? el('p', { class: 'muted' }, 'No link on this date.') : null,
    ),
  );
}

export function showMessage(panel: HTMLElement, title: string, text: string): void {
  panel.replaceChildren(el('h2', {}, title), el('p', { class: 'muted' }, text));
}

/**
 * The side panel: the selected node's or edge's properties and its citations (document, section, table and row,
 * and the exact source text), or the links behind a matrix cell.
 */
import type { Citation, CrossReferenceRow, EntityDetails, RelationshipData } from './api.ts';
import { textColorOn } from './contrast.ts';
import { el } from './dom.ts';
import { kindStyle } from './kinds.ts';
import type { LinkGroup } from './node-links.ts';

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
  badge.style.color = textColorOn(kindStyle(kind).color);
  return badge;
}

/** One entry per group of parallel links: type, direction, the other end (a button that selects it), citations. */
function linkGroupItem(group: LinkGroup, select: (id: string) => void): HTMLElement {
  const count = group.relationships.length;
  const title = group.outgoing ? `${group.type} → ${group.otherName}` : `← ${group.type} ${group.otherName}`;
  const jump = el('button', { type: 'button', class: 'jump', 'data-node': group.other }, `Select ${group.otherName}`);
  jump.addEventListener('click', () => select(group.other));
  return el(
    'details',
    {
      class: 'link',
      'data-other': group.other,
      'data-type': group.type,
      'data-relationships': group.relationships.map((r) => r.id).join(' '),
    },
    el('summary', {}, title, count > 1 ? el('span', { class: 'count' }, ` ×${count}`) : null),
    jump,
    ...group.relationships.map((r) =>
      el(
        'div',
        { class: 'relationship' },
        count > 1 ? el('div', { class: 'subtitle' }, relationshipLabel(r)) : null,
        r.note !== null ? el('p', { class: 'note' }, el('b', {}, 'Note: '), r.note) : null,
        citationList(r.sources),
      ),
    ),
  );
}

/** What tells parallel links apart: their properties (dates, amounts), else their id. */
function relationshipLabel(r: RelationshipData): string {
  const parts = Object.entries(r.properties).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return parts.length > 0 ? parts.join(' · ') : r.id;
}

/**
 * The selected entity: its properties and citations, the actions it allows, and its links as drawn (grouped,
 * each other end a button that selects it). The heading carries the entity's id, so the page can tell whether
 * the panel still shows it.
 */
export function showEntity(
  panel: HTMLElement,
  entity: EntityDetails,
  links: readonly LinkGroup[],
  select: (id: string) => void,
  actions: readonly HTMLElement[] = [],
  hiddenLinks = 0,
): void {
  const count = links.reduce((n, g) => n + g.relationships.length, 0);
  panel.replaceChildren(
    ...present(
      el('h2', { 'data-entity': entity.id, tabindex: '-1' }, entity.name),
      el('div', { class: 'subtitle' }, kindBadge(entity.kind), ` ${entity.id}`),
      actions.length > 0 ? el('div', { class: 'actions' }, ...actions) : null,
      entity.aliases.length > 0 ? el('p', {}, el('b', {}, 'Also: '), entity.aliases.join('; ')) : null,
      entity.description !== null ? el('p', {}, entity.description) : null,
      entity.note !== null ? el('p', { class: 'note' }, el('b', {}, 'Note: '), entity.note) : null,
      propertyTable(entity.properties),
      el('h3', {}, 'Citations'),
      citationList(entity.sources),
      el(
        'h3',
        { id: 'links-in-view', 'data-count': String(count) },
        `Links in view (${count}${links.length < count ? ` in ${links.length} groups` : ''})`,
      ),
      hiddenLinks > 0 ? el('p', { class: 'muted' }, `${hiddenLinks} more hidden by the kind and type filters.`) : null,
      count === 0 ? el('p', { class: 'muted' }, 'None drawn: expand the node to draw its neighbours.') : null,
      ...links.map((group) => linkGroupItem(group, select)),
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
      el('h2', { 'data-relationship': relationship.id }, relationship.type),
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

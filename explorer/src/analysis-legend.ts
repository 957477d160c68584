/**
 * The legend of what the analyses paint, in a corner of the network: which measure, its scale, and how the links
 * were weighed ("A figure shows its inputs"). Hidden when no analysis is on.
 */
import type { SupplyLinkType, Weighting } from './analytics-api.ts';
import { el } from './dom.ts';
import {
  ENDED_LINK,
  HHI_STOPS,
  LOSES_A_SUPPLIER,
  NO_SUPPLY_LINK,
  ONE_SUPPLIER_LEFT,
  PATH,
  REMOVED_ENTITY,
  REMOVED_LINK,
  SEVERAL_SUPPLIERS,
  SINGLE_SUPPLIER,
  STARTED_LINK,
  WITHOUT_SUPPLIER,
} from './palette.ts';
import type { ColorLens, SizeLens } from './risk-lens.ts';

export interface LegendInput {
  color: ColorLens | null;
  /** The weightings of the rows the colours came from. */
  weightings: ReadonlySet<Weighting>;
  linkType: SupplyLinkType | null;
  size: SizeLens | null;
  whatIf: boolean;
  changes: { from: string; to: string } | null;
  paths: number | null;
}

const WEIGHTING_TEXT: Record<Weighting, string> = {
  LINK_COUNT: 'link counts, not market shares',
  STATED_SHARE: 'shares stated in the source',
};

function key(color: string, text: string, line = false): HTMLElement {
  const swatch = el('span', { class: line ? 'key-line' : 'key-dot' });
  swatch.style.background = color;
  return el('li', {}, swatch, text);
}

function section(title: string, ...items: Array<HTMLElement | null>): HTMLElement {
  return el('section', {}, el('h4', {}, title), el('ul', {}, ...items));
}

export function renderLegend(container: HTMLElement, input: LegendInput): void {
  const parts: HTMLElement[] = [];
  const links = input.linkType === null ? 'all supply links' : input.linkType;
  const weighting =
    input.weightings.size === 0
      ? null
      : el(
          'li',
          { class: 'weighting' },
          `Weighting: ${[...input.weightings].map((w) => WEIGHTING_TEXT[w]).join('; ')}`,
        );
  if (input.color === 'hhi') {
    const bar = el('span', { class: 'key-scale' });
    bar.style.background = `linear-gradient(to right, ${HHI_STOPS.join(', ')})`;
    parts.push(
      section(
        `Material colour: HHI by company (${links})`,
        el('li', { class: 'scale' }, el('span', {}, '0'), bar, el('span', {}, '10,000 = one supplier')),
        key(NO_SUPPLY_LINK, 'no supply link'),
        weighting,
      ),
    );
  } else if (input.color === 'single') {
    parts.push(
      section(
        `Material colour: single supplier (${links})`,
        key(SINGLE_SUPPLIER, 'one supplying company'),
        key(SEVERAL_SUPPLIERS, 'two or more'),
        key(NO_SUPPLY_LINK, 'no supply link'),
        weighting,
      ),
    );
  }
  if (input.size !== null) {
    const measure = input.size === 'betweenness' ? 'betweenness (share of shortest paths)' : 'degree';
    parts.push(
      section(
        `Node size: ${measure}`,
        el('li', { class: 'muted' }, 'supply network (companies, materials, countries); area ∝ score, top 100'),
      ),
    );
  }
  if (input.whatIf) {
    parts.push(
      section(
        'What-if',
        key(WITHOUT_SUPPLIER, 'loses every supplier'),
        key(ONE_SUPPLIER_LEFT, 'left with one supplier'),
        key(LOSES_A_SUPPLIER, 'loses a supplier, keeps two or more'),
        key(REMOVED_ENTITY, 'removed'),
        key(REMOVED_LINK, 'removed link', true),
      ),
    );
  }
  if (input.changes !== null) {
    parts.push(
      section(
        `Changes ${input.changes.from} – ${input.changes.to}`,
        key(STARTED_LINK, 'started', true),
        key(ENDED_LINK, 'ended', true),
      ),
    );
  }
  if (input.paths !== null) parts.push(section(`Paths (${input.paths})`, key(PATH, 'on a path', true)));
  container.hidden = parts.length === 0;
  container.replaceChildren(...parts);
}

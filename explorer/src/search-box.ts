/**
 * The search box: suggestions from Query.search as you type (debounced; a newer answer replaces an older one,
 * never the reverse), chosen with the mouse or the arrow keys and Enter.
 */
import { search, type SearchHit } from './api.ts';
import { el } from './dom.ts';
import { kindStyle } from './kinds.ts';

export function setUpSearchBox(input: HTMLInputElement, list: HTMLElement, onPick: (id: string) => void): void {
  let hits: SearchHit[] = [];
  let active = -1;
  let asked = 0;
  let timer: number | undefined;

  const close = () => {
    list.replaceChildren();
    list.hidden = true;
    active = -1;
  };
  const pick = (hit: SearchHit | undefined) => {
    if (hit === undefined) return;
    input.value = hit.entity.name;
    close();
    onPick(hit.entity.id);
  };
  const draw = () => {
    list.hidden = hits.length === 0;
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const dot = el('span', { class: 'dot' });
        dot.style.background = kindStyle(hit.entity.kind).color;
        const item = el(
          'li',
          { class: i === active ? 'suggestion active' : 'suggestion', 'data-id': hit.entity.id, role: 'option' },
          dot,
          el('span', { class: 'name' }, hit.entity.name),
          el('span', { class: 'kind' }, hit.entity.kind),
        );
        item.addEventListener('mousedown', (event) => {
          event.preventDefault();
          pick(hit);
        });
        return item;
      }),
    );
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = input.value.trim();
    if (text === '') {
      hits = [];
      close();
      return;
    }
    timer = window.setTimeout(async () => {
      const ticket = ++asked;
      try {
        const found = await search(text.slice(0, 200));
        if (ticket !== asked) return;
        hits = found;
        active = hits.length > 0 ? 0 : -1;
        draw();
      } catch {
        if (ticket === asked) close();
      }
    }, 120);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (hits.length === 0) return;
      active = (active + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      draw();
      event.preventDefault();
    } else if (event.key === 'Enter') {
      pick(hits[Math.max(active, 0)]);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}

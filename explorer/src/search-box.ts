/**
 * The search box: suggestions from Query.search as you type (debounced; a newer answer replaces an older one,
 * never the reverse), chosen with the mouse or the arrow keys and Enter. An ARIA combobox: the input owns the
 * listbox and names the active option (`aria-activedescendant`); no match, and a failed search, are said in the list.
 */
import { search, type SearchHit } from './api.ts';
import { el } from './dom.ts';
import { kindStyle } from './kinds.ts';

export function setUpSearchBox(input: HTMLInputElement, list: HTMLElement, onPick: (id: string) => void): void {
  let hits: SearchHit[] = [];
  let active = -1;
  let asked = 0;
  let timer: number | undefined;
  const optionId = (i: number) => `${list.id}-option-${i}`;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', `${input.getAttribute('aria-label') ?? 'search'}: suggestions`);

  const close = () => {
    list.replaceChildren();
    list.hidden = true;
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const pick = (hit: SearchHit | undefined) => {
    if (hit === undefined) return;
    input.value = hit.entity.name;
    close();
    onPick(hit.entity.id);
  };
  /** A line in the list that is not an option to choose: no match, or the search failed. */
  const say = (text: string) => {
    list.replaceChildren(el('li', { class: 'suggestion no-match', role: 'option', 'aria-disabled': 'true' }, text));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    input.removeAttribute('aria-activedescendant');
  };
  const draw = () => {
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(hits.length > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', optionId(active));
    else input.removeAttribute('aria-activedescendant');
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const dot = el('span', { class: 'dot' });
        dot.style.background = kindStyle(hit.entity.kind).color;
        const item = el(
          'li',
          {
            id: optionId(i),
            class: i === active ? 'suggestion active' : 'suggestion',
            'data-id': hit.entity.id,
            role: 'option',
            'aria-selected': String(i === active),
          },
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
        if (hits.length === 0) say(`No entity matches “${text}” by name or alias.`);
        else draw();
      } catch (error) {
        if (ticket === asked) say(`The search failed: ${(error as Error).message}`);
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

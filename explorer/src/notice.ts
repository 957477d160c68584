/**
 * The notice over the canvas: what the view cannot show and why (an unknown id, a bad date in the link, every node
 * filtered out, a failed load), with at most one action that fixes it. It is an ARIA alert, so screen readers say it.
 */
import { el } from './dom.ts';

export interface Notice {
  show(text: string, action?: { label: string; run: () => void }): void;
  clear(): void;
  readonly text: string | null;
}

export function createNotice(element: HTMLElement): Notice {
  let text: string | null = null;
  const clear = () => {
    text = null;
    element.hidden = true;
    element.replaceChildren();
  };
  return {
    show(message, action) {
      text = message;
      const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Dismiss' }, '×');
      close.addEventListener('click', clear);
      const fix = action === undefined ? null : el('button', { type: 'button', class: 'fix' }, action.label);
      fix?.addEventListener('click', () => {
        clear();
        action?.run();
      });
      element.replaceChildren(el('p', {}, message), ...(fix === null ? [] : [fix]), close);
      element.hidden = false;
    },
    clear,
    get text() {
      return text;
    },
  };
}

/**
 * Moving through the matrix with the arrow keys: the filled cells are one stop in the tab order (the last one
 * focused, else the first), the supplier counts another, and the arrows move between them: left and right along the company's row, up and down
 * to the nearest filled cell of the rows above or below, Home and End to the row's first and last.
 */

/** The buttons the arrow keys move between: filled cells and supplier counts. */
const CELLS = 'td.filled button, th.supplier-count button';

function cellsOf(row: Element | null): HTMLButtonElement[] {
  return row === null ? [] : [...row.querySelectorAll<HTMLButtonElement>(CELLS)];
}

/** The filled cell of `row` nearest (in x) to `x`, or null when the row has none. */
function nearest(row: Element, x: number): HTMLButtonElement | null {
  let best: HTMLButtonElement | null = null;
  let distance = Infinity;
  for (const cell of cellsOf(row)) {
    const box = cell.getBoundingClientRect();
    const d = Math.abs(box.left + box.width / 2 - x);
    if (d < distance) [best, distance] = [cell, d];
  }
  return best;
}

function target(from: HTMLButtonElement, key: string): HTMLButtonElement | null {
  const row = from.closest('tr');
  if (row === null) return null;
  const inRow = cellsOf(row);
  const at = inRow.indexOf(from);
  if (key === 'ArrowRight') return inRow[at + 1] ?? null;
  if (key === 'ArrowLeft') return inRow[at - 1] ?? null;
  if (key === 'Home') return inRow[0] ?? null;
  if (key === 'End') return inRow.at(-1) ?? null;
  const box = from.getBoundingClientRect();
  const x = box.left + box.width / 2;
  for (let next = key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling; next !== null;) {
    const found = nearest(next, x);
    if (found !== null) return found;
    next = key === 'ArrowDown' ? next.nextElementSibling : next.previousElementSibling;
  }
  return null;
}

const KEYS = new Set(['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

/**
 * Makes the buttons of `part` (the matrix's body, or its row of supplier counts) one tab stop, moved through with
 * the arrow keys.
 */
export function enableMatrixKeys(part: HTMLElement): void {
  const all = [...part.querySelectorAll<HTMLButtonElement>(CELLS)];
  all.forEach((cell, i) => {
    cell.tabIndex = i === 0 ? 0 : -1;
  });
  part.addEventListener('keydown', (event) => {
    const from = event.target;
    if (!(from instanceof HTMLButtonElement) || !KEYS.has(event.key)) return;
    const to = target(from, event.key);
    event.preventDefault();
    if (to === null) return;
    from.tabIndex = -1;
    to.tabIndex = 0;
    to.focus();
    to.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });
}

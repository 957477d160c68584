/**
 * Find in view: the drawn nodes whose name (or id) holds the text stand out and the rest fades, without loading
 * anything or moving the centre; the count says how many match; Enter brings the next match to the middle of the
 * screen, Escape clears.
 */
import type { ExplorerGraph } from './graph-state.ts';
import { isNodeVisible, type ExplorerRenderer, type ViewFilter } from './renderer.ts';

export function setUpFindInView(
  input: HTMLInputElement,
  count: HTMLElement,
  view: { graph: ExplorerGraph; filter: ViewFilter; renderer: ExplorerRenderer },
): { refresh(): void } {
  const { graph, filter, renderer } = view;
  let found: string[] = [];
  let at = -1;
  const refresh = () => {
    const text = input.value.trim().toLowerCase();
    const drawn = graph.filterNodes((id) => isNodeVisible(graph, filter, id));
    if (text === '') {
      filter.found = null;
      found = [];
      count.textContent = '';
    } else {
      const label = (id: string) => graph.getNodeAttribute(id, 'label');
      found = drawn
        .filter((id) => label(id).toLowerCase().includes(text) || id.toLowerCase().includes(text))
        .sort((a, b) => label(a).localeCompare(label(b)));
      filter.found = new Set(found);
      count.textContent =
        found.length === 0
          ? `No drawn node matches “${input.value.trim()}”`
          : `${found.length} of ${drawn.length} drawn nodes match`;
    }
    at = -1;
    renderer.refresh({ skipIndexation: true });
  };
  input.addEventListener('input', refresh);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      input.value = '';
      refresh();
    } else if (event.key === 'Enter' && found.length > 0) {
      at = (at + 1) % found.length;
      const shown = renderer.getNodeDisplayData(found[at]);
      if (shown !== undefined)
        void renderer.getCamera().animate({ x: shown.x, y: shown.y, ratio: 0.6 }, { duration: 300 });
    }
  });
  return {
    refresh: () => {
      if (filter.found !== null) refresh();
    },
  };
}

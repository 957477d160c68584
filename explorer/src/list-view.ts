/**
 * The List tab: the drawn network as text, for the keyboard and screen readers. The nodes the filters leave drawn,
 * each a button that selects it (its properties and citations in the side panel, where focus moves), and the drawn
 * edges, each a disclosure holding its citations. It mirrors the canvas: drawn from the same graph and filters.
 */
import { el } from './dom.ts';
import type { ExplorerGraph } from './graph-state.ts';
import { citationList } from './panel.ts';

export interface ListViewInput {
  graph: ExplorerGraph;
  nodeDrawn(id: string): boolean;
  edgeDrawn(id: string): boolean;
  selected: string | null;
  select(id: string): void;
}

export function renderListView(container: HTMLElement, input: ListViewInput): void {
  const { graph } = input;
  const nodes = graph
    .filterNodes((id) => input.nodeDrawn(id))
    .sort((a, b) => graph.getNodeAttribute(a, 'label').localeCompare(graph.getNodeAttribute(b, 'label')));
  const edges = graph.filterEdges((id) => input.edgeDrawn(id));
  const label = (id: string) => graph.getNodeAttribute(id, 'label');
  container.replaceChildren(
    el('h2', { id: 'list-nodes' }, `Drawn nodes (${nodes.length})`),
    el(
      'table',
      { class: 'list', 'aria-labelledby': 'list-nodes' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, 'name'),
          el('th', { scope: 'col' }, 'kind'),
          el('th', { scope: 'col' }, 'links drawn'),
        ),
      ),
      el(
        'tbody',
        {},
        ...nodes.map((id) => {
          const button = el(
            'button',
            { type: 'button', class: 'select-node', 'data-node': id, 'aria-pressed': String(id === input.selected) },
            label(id),
          );
          button.addEventListener('click', () => input.select(id));
          const drawnLinks = graph.edges(id).filter((e) => input.edgeDrawn(e)).length;
          return el(
            'tr',
            {},
            el('td', {}, button),
            el('td', {}, graph.getNodeAttribute(id, 'kind')),
            el('td', {}, String(drawnLinks)),
          );
        }),
      ),
    ),
    el('h2', { id: 'list-edges' }, `Drawn edges (${edges.length})`),
    el(
      'ul',
      { class: 'list-edges', 'aria-labelledby': 'list-edges' },
      ...edges.map((id) => {
        const relationship = graph.getEdgeAttribute(id, 'relationship');
        return el(
          'li',
          {},
          el(
            'details',
            { 'data-edge': id },
            el('summary', {}, `${label(graph.source(id))} ${relationship.type} → ${label(graph.target(id))}`),
            citationList(relationship.sources),
          ),
        );
      }),
    ),
  );
}

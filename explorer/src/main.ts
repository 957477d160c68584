/**
 * The explorer page: wires the search box, the network (graphology + Sigma, ForceAtlas2 in a worker), the filters,
 * the time slider, the side panel, the matrix, the exports and the URL state. All data comes from POST /graphql.
 *
 * A read-only debug handle, `window.__explorer`, exposes the graph on screen, the renderer and load timings; the
 * end-to-end test reads it to compare what is drawn with the API's answer.
 */
import {
  cellRows,
  entity,
  matrix,
  MATRIX_QUERY,
  neighborhood,
  NEIGHBORHOOD_QUERY,
  wholeGraph,
  type MatrixData,
  type NeighborhoodArgs,
  type Subgraph,
} from './api.ts';
import { measureSyntheticGraph } from './benchmark.ts';
import { byId, el } from './dom.ts';
import { EXPORT_FORMATS, exportFile, exportPng, graphiqlUrl } from './export-view.ts';
import { createGraph, setContents } from './graph-state.ts';
import { KINDS, kindStyle } from './kinds.ts';
import { LayoutRunner } from './layout.ts';
import { showCell, showEntity, showMessage, showRelationship } from './panel.ts';
import { createRenderer, isNodeVisible, type ViewFilter } from './renderer.ts';
import { renderMatrix } from './matrix.ts';
import { setUpSearchBox } from './search-box.ts';
import { setUpTimeSlider } from './time-slider.ts';
import { readState, writeState, type ViewState } from './url-state.ts';
import './style.css';

/** Where "Whole graph" starts: the corpus is about Japan, which reaches most entities within 3 hops. */
const WHOLE_GRAPH_HUB = 'country:japan';
const EXPAND_LIMIT = 100;

const state: ViewState = readState(location.search);
const graph = createGraph();
const filter: ViewFilter = {
  hiddenKinds: new Set(state.hideKinds),
  hiddenTypes: new Set(state.hideTypes),
  selectedNode: null,
  selectedEdge: null,
  center: null,
};
const layout = new LayoutRunner();
const panel = byId('panel');
const status = byId('status');
const graphiqlLink = byId<HTMLAnchorElement>('open-graphiql');

interface LoadTiming {
  nodes: number;
  edges: number;
  fetchMs: number;
  /** From the API's answer to the first frame drawn with it. */
  firstFrameMs: number;
  /** Frames the page drew per second while the layout ran. */
  layoutFps: number;
}

const debug = {
  graph,
  renderer: null as ReturnType<typeof createRenderer> | null,
  state,
  /** Completed loads (fetch, draw and layout); the test waits for it to grow. */
  loads: 0,
  matrixLoads: 0,
  lastLoad: null as LoadTiming | null,
  layoutRunning: () => layout.running,
  visibleNodeIds: () => graph.filterNodes((id) => isNodeVisible(graph, filter, id)),
  measureSyntheticGraph,
};
(window as unknown as { __explorer: typeof debug }).__explorer = debug;

const renderer = createRenderer(byId('graph'), graph, filter, {
  clickNode: (id) => {
    selectNode(id);
    // Expanding waits a moment, so the first click of a double click does not expand what is about to be recentred.
    window.clearTimeout(expandTimer);
    expandTimer = window.setTimeout(() => expand(id), 300);
  },
  doubleClickNode: (id) => {
    window.clearTimeout(expandTimer);
    state.id = id;
    state.whole = false;
    state.expand = [];
    state.select = id;
    void loadGraph();
  },
  clickEdge: (id) => selectEdge(id),
  clickStage: () => {
    filter.selectedNode = null;
    filter.selectedEdge = null;
    state.select = null;
    writeState(state);
    renderer.refresh({ skipIndexation: true });
  },
});
debug.renderer = renderer;
let expandTimer: number | undefined;

function neighborhoodArgs(): NeighborhoodArgs | null {
  return state.id === null ? null : { id: state.id, depth: state.depth, limit: state.limit, asOf: state.asOf };
}

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

let loading = 0;
async function loadGraph(): Promise<void> {
  writeState(state);
  const args = neighborhoodArgs();
  if (args === null) {
    showMessage(panel, 'Nothing shown yet', 'Search an entity by name or alias, or open the whole graph.');
    debug.loads += 1;
    return;
  }
  const ticket = ++loading;
  status.textContent = 'Loading…';
  graphiqlLink.href = graphiqlUrl(NEIGHBORHOOD_QUERY, { ...args });
  const started = performance.now();
  try {
    const [centre, ...expanded]: Array<Subgraph | null | undefined> = state.whole
      ? await wholeGraph(args.id, state.asOf)
      : await Promise.all([
          neighborhood(args),
          ...state.expand.map((id) => neighborhood({ id, depth: 1, limit: EXPAND_LIMIT, asOf: state.asOf })),
        ]);
    if (ticket !== loading) return;
    if (centre === null || centre === undefined) {
      status.textContent = `No entity ${args.id}`;
      setContents(graph, []);
      debug.loads += 1;
      return;
    }
    const fetched = performance.now();
    setContents(graph, [centre, ...expanded.filter((s) => s !== null && s !== undefined)]);
    if (filter.selectedNode === null && filter.selectedEdge === null) {
      showMessage(
        panel,
        'Nothing selected',
        'Click a node for its properties and citations (and to expand it), or an edge.',
      );
    }
    filter.center = args.id;
    if (filter.selectedNode !== null && !graph.hasNode(filter.selectedNode)) filter.selectedNode = null;
    if (filter.selectedEdge !== null && !graph.hasEdge(filter.selectedEdge)) filter.selectedEdge = null;
    renderer.refresh();
    await nextFrame();
    const drawn = performance.now();
    updateFilters();
    status.textContent =
      `${graph.order} nodes, ${graph.size} edges` +
      (state.whole ? ' (whole graph)' : centre.truncated ? ` (truncated at ${args.limit} nodes)` : '') +
      (state.asOf !== null ? ` as of ${state.asOf}` : '');
    if (state.select !== null && state.select !== filter.selectedNode && graph.hasNode(state.select)) {
      selectNode(state.select);
    }
    let frames = 0;
    let counting = true;
    const count = () => {
      frames += 1;
      if (counting) requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    const layoutStarted = performance.now();
    await layout.run(graph);
    counting = false;
    if (ticket !== loading) return;
    debug.lastLoad = {
      nodes: graph.order,
      edges: graph.size,
      fetchMs: Math.round(fetched - started),
      firstFrameMs: Math.round(drawn - fetched),
      layoutFps: Math.round((frames * 1000) / Math.max(1, performance.now() - layoutStarted)),
    };
    debug.loads += 1;
  } catch (error) {
    if (ticket !== loading) return;
    status.textContent = `Error: ${(error as Error).message}`;
    debug.loads += 1;
  }
}

function expand(id: string): void {
  // The whole graph already holds every neighbour.
  if (state.whole || id === state.id || state.expand.includes(id)) return;
  state.expand.push(id);
  void loadGraph();
}

async function selectNode(id: string): Promise<void> {
  filter.selectedNode = id;
  filter.selectedEdge = null;
  state.select = id;
  writeState(state);
  renderer.refresh({ skipIndexation: true });
  const details = await entity(id);
  if (filter.selectedNode !== id) return;
  if (details === null) {
    showMessage(panel, id, 'This entity is not in the graph any more.');
    return;
  }
  const links = graph.hasNode(id)
    ? graph.mapEdges(id, (_edge, attributes, source, target) => {
        const outgoing = source === id;
        const other = outgoing ? target : source;
        return { relationship: attributes.relationship, otherName: graph.getNodeAttribute(other, 'label'), outgoing };
      })
    : [];
  showEntity(panel, details, links);
}

function selectEdge(id: string): void {
  filter.selectedEdge = id;
  filter.selectedNode = null;
  renderer.refresh({ skipIndexation: true });
  const relationship = graph.getEdgeAttribute(id, 'relationship');
  showRelationship(
    panel,
    relationship,
    graph.getNodeAttribute(graph.source(id), 'label'),
    graph.getNodeAttribute(graph.target(id), 'label'),
  );
}

/** The legend (kinds, with colour and shape) and the relationship types, each a filter with its count in view. */
function updateFilters(): void {
  const kindCounts = new Map<string, number>();
  graph.forEachNode((_id, a) => kindCounts.set(a.kind, (kindCounts.get(a.kind) ?? 0) + 1));
  const typeCounts = new Map<string, number>();
  graph.forEachEdge((_id, a) => typeCounts.set(a.label, (typeCounts.get(a.label) ?? 0) + 1));
  const item = (name: string, count: number, hidden: Set<string>, swatch: HTMLElement | null, key: keyof ViewState) => {
    const box = el('input', { type: 'checkbox', 'data-filter': name });
    box.checked = !hidden.has(name);
    box.addEventListener('change', () => {
      if (box.checked) hidden.delete(name);
      else hidden.add(name);
      (state[key] as string[]) = [...hidden];
      writeState(state);
      renderer.refresh({ skipIndexation: true });
    });
    return el('li', {}, el('label', {}, box, swatch, name, el('span', { class: 'count' }, String(count))));
  };
  byId('legend').replaceChildren(
    ...KINDS.filter((k) => kindCounts.has(k)).map((kind) => {
      const style = kindStyle(kind);
      const swatch = el('span', { class: `swatch ${style.shape}` });
      swatch.style.background = style.color;
      return item(kind, kindCounts.get(kind) ?? 0, filter.hiddenKinds, swatch, 'hideKinds');
    }),
  );
  byId('types').replaceChildren(
    ...[...typeCounts.keys()]
      .sort()
      .map((type) => item(type, typeCounts.get(type) ?? 0, filter.hiddenTypes, null, 'hideTypes')),
  );
}

let matrixData: MatrixData | null = null;
async function loadMatrix(): Promise<void> {
  graphiqlLink.href = graphiqlUrl(MATRIX_QUERY, { asOf: state.asOf });
  const container = byId('matrix');
  container.textContent = 'Loading…';
  const data = await matrix(state.asOf);
  matrixData = data;
  renderMatrix(container, data, (ci, mi) => {
    const company = data.companies[ci];
    const material = data.materials[mi];
    if (company === undefined || material === undefined) return;
    void cellRows(company.id, material.id, state.asOf).then((rows) => {
      if (matrixData === data) showCell(panel, company.name, material.name, rows);
    });
  });
  debug.matrixLoads += 1;
}

function showView(view: ViewState['view']): void {
  state.view = view;
  writeState(state);
  byId('graph').hidden = view !== 'graph';
  byId('matrix').hidden = view !== 'matrix';
  byId('filters').hidden = view !== 'graph';
  byId('tab-graph').classList.toggle('active', view === 'graph');
  byId('tab-matrix').classList.toggle('active', view === 'matrix');
  if (view === 'matrix') void loadMatrix();
  else {
    const args = neighborhoodArgs();
    if (args !== null) graphiqlLink.href = graphiqlUrl(NEIGHBORHOOD_QUERY, { ...args });
  }
}

// Controls.
setUpSearchBox(byId<HTMLInputElement>('search'), byId('suggestions'), (id) => {
  state.id = id;
  state.whole = false;
  state.expand = [];
  state.select = null;
  filter.selectedNode = null;
  if (state.view !== 'graph') showView('graph');
  void loadGraph();
});
const depth = byId<HTMLSelectElement>('depth');
depth.value = String(state.depth);
depth.addEventListener('change', () => {
  state.depth = Number(depth.value);
  state.whole = false;
  void loadGraph();
});
const limit = byId<HTMLSelectElement>('limit');
if (![...limit.options].some((o) => o.value === String(state.limit)))
  limit.append(el('option', {}, String(state.limit)));
limit.value = String(state.limit);
limit.addEventListener('change', () => {
  state.limit = Number(limit.value);
  state.whole = false;
  void loadGraph();
});
setUpTimeSlider(byId<HTMLInputElement>('as-of'), byId('as-of-label'), state.asOf, (asOf) => {
  state.asOf = asOf;
  if (state.view === 'matrix') {
    writeState(state);
    void loadMatrix();
  } else void loadGraph();
});
byId('whole-graph').addEventListener('click', () => {
  Object.assign(state, { id: WHOLE_GRAPH_HUB, whole: true, depth: 3, limit: 500, expand: [], select: null });
  depth.value = '3';
  limit.value = '500';
  showView('graph');
  void loadGraph();
});
byId('tab-graph').addEventListener('click', () => showView('graph'));
byId('tab-matrix').addEventListener('click', () => showView('matrix'));
byId('exports').replaceChildren(
  ...EXPORT_FORMATS.map((format) => {
    const button = el('button', { type: 'button', 'data-format': format }, format);
    button.addEventListener('click', () => {
      exportFile(format, debug.visibleNodeIds(), state.asOf).catch((error: Error) => {
        status.textContent = error.message;
      });
    });
    return button;
  }),
);
byId('export-png').addEventListener('click', () => {
  void exportPng(renderer, state.id?.replace(/[^\w-]+/g, '-') ?? 'graph');
});
byId('copy-link').addEventListener('click', () => {
  void navigator.clipboard?.writeText(location.href).then(() => {
    status.textContent = 'Link copied';
  });
});

showView(state.view);
void loadGraph();

/**
 * The explorer page: wires the search box, the network (graphology + Sigma, laid out by ForceAtlas2 to
 * convergence), the filters, the time slider, the side panel, the list and matrix tabs, the exports and the URL
 * state, and the analyses drawn over the network (risk lens, what-if, path finder, changes between two dates). All
 * data comes from POST /graphql.
 *
 * A read-only debug handle, `window.__explorer`, exposes the graph on screen, the renderer and load timings, only
 * to a page that asks for it before the bundle runs (`window.__explorerDebug = true`, the browser tests' init
 * script); the tests read it to compare what is drawn with the API's answer.
 */
import {
  entity,
  neighborhood,
  NEIGHBORHOOD_QUERY,
  onServerBusy,
  wholeGraph,
  type EntityDetails,
  type NeighborhoodArgs,
  type Subgraph,
} from './api.ts';
import {
  centrality,
  CENTRALITY_QUERY,
  changes,
  CHANGES_QUERY,
  disruption,
  DISRUPTION_QUERY,
  entitySummaries,
  paths,
  PATHS_QUERY,
  pathsSubgraph,
  SUPPLY_RISK_QUERY,
  supplyRiskOf,
  type Change,
  type DisruptionReport,
  type EntityScore,
  type ExposurePath,
  type SupplyLinkType,
  type SupplyRiskRow,
  COMMUNITIES_QUERY,
  datedMonths,
  entityCommunities,
  wholeGraphHub,
} from './analytics-api.ts';
import { renderLegend } from './analysis-legend.ts';
import { showChanges, showDisruption, showPaths } from './analysis-panel.ts';
import { byId, el } from './dom.ts';
import { keepCameraInView } from './camera-view.ts';
import { ExpansionHistory } from './expansion-history.ts';
import { expandedPart, expansionEntry, linkTypeCounts, parseExpansion } from './expansion.ts';
import { EXPORT_FORMATS, exportFile, exportPng, graphiqlUrl } from './export-view.ts';
import { createGraph, setContents } from './graph-state.ts';
import { applyChange } from './live-changes.ts';
import { listenToChanges, type LiveState } from './live-feed.ts';
import { KINDS, kindStyle } from './kinds.ts';
import { LayoutRunner } from './layout.ts';
import { showEntity, showMessage, showRelationship } from './panel.ts';
import {
  ENDED_LINK,
  faded,
  LOSES_A_SUPPLIER,
  ONE_SUPPLIER_LEFT,
  PATH,
  REMOVED_ENTITY,
  REMOVED_LINK,
  STARTED_LINK,
  WITHOUT_SUPPLIER,
} from './palette.ts';
import { createRenderer, emptyOverlay, isEdgeVisible, isNodeVisible, type ViewFilter } from './renderer.ts';
import { lensColors, lensSizes, type ColorLens, type SizeLens } from './risk-lens.ts';
import { setUpMatrixView } from './matrix-view.ts';
import { enableNodeDrag } from './node-drag.ts';
import { createNotice } from './notice.ts';
import { setUpFindInView } from './find-in-view.ts';
import { renderListView } from './list-view.ts';
import { linkGroups } from './node-links.ts';
import { setUpSearchBox } from './search-box.ts';
import { monthsBetween, setUpTimeSlider, sliderProblem } from './time-slider.ts';
import { readState, writeState, type LayoutGroup, type ViewState } from './url-state.ts';
import './style.css';

const EXPAND_LIMIT = 100;
/** The end of a comparison when the view is "now": after every date the corpus gives. */
const NOW_BOUND = '2099-12';
/** Kinds the disruption question can remove. */
const REMOVABLE_KINDS = new Set(['Country', 'Company']);

const state: ViewState = readState(location.search);
const graph = createGraph();
const filter: ViewFilter = {
  hiddenKinds: new Set(state.hideKinds),
  hiddenTypes: new Set(state.hideTypes),
  selectedNode: null,
  selectedEdge: null,
  hoveredNode: null,
  hoveredEdge: null,
  found: null,
  center: null,
  overlay: emptyOverlay(),
};
const layout = new LayoutRunner();
const notice = createNotice(byId('notice'));
onServerBusy((seconds) => {
  status.textContent = `The server is busy; asking again in ${seconds} s…`;
});
/** The slider's months, from the graph's earliest dated change to its latest (none: the slider is "now" alone). */
const months = await datedMonths()
  .then((range) => (range === null ? [] : monthsBetween(range.first, range.last)))
  .catch((error: Error) => {
    notice.show(`The months the graph dates could not be read: ${error.message}`);
    return [] as string[];
  });
// A date in the link that the slider cannot show: the view resets to now, and says why.
const askedAsOf = new URLSearchParams(location.search).get('asOf');
if (askedAsOf !== null) {
  const problem =
    state.asOf === null ? 'it is not a date (YYYY, YYYY-MM or YYYY-MM-DD)' : sliderProblem(state.asOf, months);
  if (problem !== null) {
    state.asOf = null;
    notice.show(`The link’s date “${askedAsOf}” was set aside: ${problem}. Showing now.`);
  }
}
const panel = byId('panel');
const status = byId('status');
const graphiqlLink = byId<HTMLAnchorElement>('open-graphiql');

/** The analyses' latest answers, as drawn. */
const analysis = {
  risk: new Map<string, SupplyRiskRow>(),
  scores: [] as EntityScore[],
  report: null as DisruptionReport | null,
  paths: [] as ExposurePath[],
  changes: null as { totalCount: number; changes: Change[] } | null,
  period: null as { from: string; to: string } | null,
  /** Names of entities met in answers but maybe not drawn (removals, the ends of changes). */
  names: new Map<string, string>(),
};
/** What the panel shows once the load under way has finished. */
let pendingPanel: 'paths' | 'changes' | null = null;

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
  /** Completed analysis requests (lens, sizes, what-if); the analyses test waits for it to grow. */
  analysisLoads: 0,
  analysis,
  lastLoad: null as LoadTiming | null,
  /** The live feed: its state and the changes applied to the picture; the live test waits on them. */
  live: { state: 'connecting' as LiveState, received: 0, applied: 0 },
  layoutRunning: () => layout.running,
  /** How the last layout ended: iterations run and whether it converged. */
  lastLayout: () => layout.last,
  visibleNodeIds: () => graph.filterNodes((id) => isNodeVisible(graph, filter, id)),
  /** The renderer benchmark (a chunk of its own, loaded only when a test asks for it). */
  measureSyntheticGraph: async (nodes: number, edgesPerNode?: number) =>
    (await import('./benchmark.ts')).measureSyntheticGraph(nodes, edgesPerNode),
};
// Curated changes made while the page is open update the picture (src/live-changes.ts); the header says it is live.
const liveIndicator = byId('live');
const LIVE_WORDS: Record<LiveState, string> = { live: 'live', connecting: 'connecting…', offline: 'offline' };
listenToChanges({
  state: (live) => {
    debug.live.state = live;
    liveIndicator.dataset['state'] = live;
    liveIndicator.textContent = LIVE_WORDS[live];
  },
  change: (change) => {
    debug.live.received += 1;
    if (!applyChange(graph, change, state.asOf === null)) return;
    debug.live.applied += 1;
    if (filter.selectedEdge !== null && !graph.hasEdge(filter.selectedEdge)) filter.selectedEdge = null;
    renderer.refresh();
    updateFilters();
    updateStatus();
    drawList();
    findInView.refresh();
    refreshPanel();
    paint();
  },
});
const debugWindow = window as unknown as { __explorer?: typeof debug; __explorerDebug?: unknown };
if (debugWindow.__explorerDebug === true) debugWindow.__explorer = debug;

const renderer = createRenderer(byId('graph'), graph, filter, {
  // A click only selects; expanding is asked for (double-click, or Expand in the panel).
  clickNode: (id) => void selectNode(id),
  doubleClickNode: (id) => expand(id),
  clickEdge: (id) => selectEdge(id),
  clickStage: () => clearSelection(),
});
debug.renderer = renderer;
const expansions = new ExpansionHistory();
enableNodeDrag(renderer, graph, (id) => {
  status.textContent = `${nameOf(id)} pinned where dropped; the layout leaves it there.`;
});

// The camera (zoom and pan) is part of the shareable view.
const cameraView = keepCameraInView(renderer, state, () => writeState(state));
const fitToScreen = (animate = true) => cameraView.fit(animate);
const findInView = setUpFindInView(byId<HTMLInputElement>('find-in-view'), byId('find-count'), {
  graph,
  filter,
  renderer,
});

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
    if (state.view === 'matrix') {
      showMessage(panel, 'Companies × materials', 'A cell or a supplier count gives its citations here.');
    } else showMessage(panel, 'Nothing shown yet', 'Search an entity by name or alias, or open the whole graph.');
    debug.loads += 1;
    return;
  }
  const ticket = ++loading;
  status.textContent = 'Loading…';
  // A notice about the link that opened the page stays for the first load; later loads start clean.
  if (ticket > 1) notice.clear();
  graphiqlLink.href = graphiqlUrl(NEIGHBORHOOD_QUERY, { ...args });
  const started = performance.now();
  try {
    extraErrors = [];
    const fetchedPaths = fetchPaths();
    const [centre, ...expanded]: Array<Subgraph | null | undefined> = state.whole
      ? await wholeGraph(args.id, state.asOf)
      : await Promise.all([
          neighborhood(args),
          ...state.expand.map(async (entry) => {
            const expansion = parseExpansion(entry);
            const found = await neighborhood({ id: expansion.id, depth: 1, limit: EXPAND_LIMIT, asOf: state.asOf });
            return found === null ? null : expandedPart(found, expansion);
          }),
        ]);
    const neighbourhoods = [centre, ...expanded].filter((s): s is Subgraph => s !== null && s !== undefined);
    const extras = [await fetchedPaths, await fetchChanges(neighbourhoods)];
    if (ticket !== loading) return;
    if (centre === null || centre === undefined) {
      setContents(graph, []);
      renderer.refresh();
      updateFilters();
      status.textContent = `No entity ${args.id}`;
      notice.show(
        `No entity has the id “${args.id}”${state.asOf !== null ? ` as of ${state.asOf}` : ''}. Search by name or alias above.`,
      );
      showMessage(panel, 'No such entity', `Nothing in the graph has the id “${args.id}”.`);
      debug.loads += 1;
      return;
    }
    const fetched = performance.now();
    setContents(graph, [...neighbourhoods, ...extras]);
    renderer.setCustomBBox(null);
    if (filter.selectedNode === null && filter.selectedEdge === null && state.select === null) showNothingSelected();
    filter.center = args.id;
    if (filter.selectedNode !== null && !graph.hasNode(filter.selectedNode)) filter.selectedNode = null;
    if (filter.selectedEdge !== null && !graph.hasEdge(filter.selectedEdge)) filter.selectedEdge = null;
    renderer.refresh();
    await nextFrame();
    const drawn = performance.now();
    updateFilters();
    statusNote =
      (state.whole ? ' (whole graph)' : centre.truncated ? ` (truncated at ${args.limit} nodes)` : '') +
      (state.asOf !== null ? ` as of ${state.asOf}` : '') +
      extraErrors.map((e) => ` · ${e}`).join('');
    updateStatus();
    nameTheCentre();
    drawList();
    findInView.refresh();
    if (state.select !== null && state.select !== filter.selectedNode && graph.hasNode(state.select)) {
      void selectNode(state.select);
    } else refreshPanel();
    paint();
    showPendingPanel();
    void refreshAnalyses();
    let frames = 0;
    let counting = true;
    const count = () => {
      frames += 1;
      if (counting) requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    const layoutStarted = performance.now();
    await layout.run(graph, await layoutGroups());
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
    notice.show(`The network could not be loaded: ${(error as Error).message}`, {
      label: 'Try again',
      run: () => void loadGraph(),
    });
    debug.loads += 1;
  }
}

/** The communities of the date the layout was last grouped by (fetched when grouping by community). */
let communities: { asOf: string | null; of: Map<string, number> } | null = null;

/** Node id to group, when the view groups its layout; null otherwise. An error leaves the layout ungrouped. */
async function layoutGroups(): Promise<Map<string, string> | null> {
  if (state.group === 'kind') return new Map(graph.mapNodes((id, a) => [id, a.kind]));
  if (state.group !== 'community') return null;
  try {
    if (communities?.asOf !== state.asOf) communities = { asOf: state.asOf, of: await entityCommunities(state.asOf) };
    const of = communities.of;
    return new Map(graph.filterNodes((id) => of.has(id)).map((id) => [id, String(of.get(id))]));
  } catch (error) {
    status.textContent = `Communities: ${(error as Error).message}`;
    return null;
  }
}

/** What the status line adds to the counts: truncation, the date, what failed beside the network. */
let statusNote = '';

/** The counts of what is drawn, after the filters, and a notice when the filters hide everything. */
function updateStatus(): void {
  const nodes = graph.filterNodes((id) => isNodeVisible(graph, filter, id)).length;
  const edges = graph.filterEdges((id) => isEdgeVisible(graph, filter, id)).length;
  const filtered = nodes < graph.order || edges < graph.size;
  status.textContent =
    (filtered
      ? `${nodes} of ${graph.order} nodes, ${edges} of ${graph.size} edges shown`
      : `${graph.order} nodes, ${graph.size} edges`) + statusNote;
  if (graph.order > 0 && nodes === 0) {
    notice.show(`The kind filters hide all ${graph.order} nodes.`, {
      label: 'Show every kind',
      run: () => {
        filter.hiddenKinds.clear();
        state.hideKinds = [];
        writeState(state);
        renderer.refresh({ skipIndexation: true });
        updateFilters();
        updateStatus();
        refreshPanel();
      },
    });
  } else if (notice.text?.startsWith('The kind filters hide') === true) notice.clear();
}

/** The search box names the centre (after a link restored the view, too), unless the reader is typing in it. */
function nameTheCentre(): void {
  const input = byId<HTMLInputElement>('search');
  if (document.activeElement === input) return;
  input.value = state.whole ? '' : state.id !== null && graph.hasNode(state.id) ? nameOf(state.id) : input.value;
}

const EMPTY: Subgraph = { nodes: [], edges: [], truncated: false };
/** What the paths or the changes of the load under way failed with; the status line shows it after the load. */
let extraErrors: string[] = [];

/** The exposure paths the path finder asks for, as a subgraph to draw; an error is reported, not thrown. */
async function fetchPaths(): Promise<Subgraph> {
  analysis.paths = [];
  if (state.pathFrom === null || state.pathTo === null) return EMPTY;
  try {
    analysis.paths = await paths(state.pathFrom, state.pathTo, state.k, state.asOf);
    for (const node of analysis.paths.flatMap((p) => p.nodes)) analysis.names.set(node.id, node.name);
    return pathsSubgraph(analysis.paths);
  } catch (error) {
    extraErrors.push(`Paths: ${(error as Error).message}`);
    return EMPTY;
  }
}

/** The period between the comparison month and the view's date, earlier first; null when not comparing. */
function comparedPeriod(): { from: string; to: string } | null {
  if (state.compare === null) return null;
  const [from, to] = [state.compare, state.asOf ?? NOW_BOUND].sort() as [string, string];
  return { from, to };
}

/**
 * The changes of the compared period. The ones that touch the drawn neighbourhoods are drawn (with their other
 * end), so links that ended before the view's date show too; the panel lists them all.
 */
async function fetchChanges(drawn: readonly Subgraph[]): Promise<Subgraph> {
  analysis.period = comparedPeriod();
  analysis.changes = null;
  if (analysis.period === null) return EMPTY;
  try {
    analysis.changes = await changes(analysis.period.from, analysis.period.to);
    const inView = new Set(drawn.flatMap((s) => s.nodes.map((n) => n.id)));
    const touching = analysis.changes.changes
      .map((c) => c.relationship)
      .filter((r) => inView.has(r.source) || inView.has(r.target));
    const ends = [...new Set(analysis.changes.changes.flatMap((c) => [c.relationship.source, c.relationship.target]))];
    const summaries = await entitySummaries(ends.filter((id) => !analysis.names.has(id)));
    for (const e of summaries) analysis.names.set(e.id, e.name);
    const needed = new Set(touching.flatMap((r) => [r.source, r.target]).filter((id) => !inView.has(id)));
    return { nodes: summaries.filter((e) => needed.has(e.id)), edges: touching, truncated: false };
  } catch (error) {
    extraErrors.push(`Changes: ${(error as Error).message}`);
    return EMPTY;
  }
}

function nameOf(id: string): string {
  return graph.hasNode(id) ? graph.getNodeAttribute(id, 'label') : (analysis.names.get(id) ?? id);
}

function linkTypes(): SupplyLinkType[] | null {
  return state.links === null ? null : [state.links];
}

/** Runs one analysis request; the newest answer of each kind wins, an error goes to the status line. */
const tickets = { lens: 0, size: 0, whatIf: 0 };
async function analyse<T>(kind: keyof typeof tickets, run: () => Promise<T>, apply: (answer: T) => void) {
  const ticket = ++tickets[kind];
  try {
    const answer = await run();
    if (ticket !== tickets[kind]) return;
    apply(answer);
    paint();
  } catch (error) {
    if (ticket === tickets[kind]) status.textContent = `${kind}: ${(error as Error).message}`;
  } finally {
    debug.analysisLoads += 1;
  }
}

function refreshLens(): Promise<void> {
  const lens = state.lens;
  const materials = graph.filterNodes((_id, a) => a.kind === 'Material');
  return analyse(
    'lens',
    () =>
      lens === null || materials.length === 0 ? Promise.resolve([]) : supplyRiskOf(materials, linkTypes(), state.asOf),
    (rows) => {
      analysis.risk = new Map(rows.map((r) => [r.material.id, r]));
    },
  );
}

/** The measure and date the sizes were computed for: the scores cover the whole projection, not the view. */
let scoresFor: string | null = null;
function refreshSizes(): Promise<void> {
  const size = state.size;
  const key = `${size} ${state.asOf}`;
  if (size !== null && key === scoresFor) return Promise.resolve();
  return analyse(
    'size',
    () =>
      size === null ? Promise.resolve([]) : centrality(size === 'betweenness' ? 'BETWEENNESS' : 'DEGREE', state.asOf),
    (scores) => {
      analysis.scores = scores;
      scoresFor = size === null ? null : key;
    },
  );
}

function refreshWhatIf(show = false): Promise<void> {
  const remove = [...state.remove];
  if (remove.length > 0) {
    graphiqlLink.href = graphiqlUrl(DISRUPTION_QUERY, {
      remove,
      filter: linkTypes() && { linkTypes: linkTypes() },
      asOf: state.asOf,
    });
  }
  return analyse(
    'whatIf',
    () => (remove.length === 0 ? Promise.resolve(null) : disruption(remove, linkTypes(), state.asOf)),
    (report) => {
      analysis.report = report;
      for (const e of report?.removed ?? []) analysis.names.set(e.id, e.name);
      if (show && report !== null) showDisruption(panel, report, nameOf);
    },
  );
}

async function refreshAnalyses(): Promise<void> {
  await Promise.all([refreshLens(), refreshSizes(), refreshWhatIf()]);
}

/** Composes what the analyses paint (later layers win: lens, what-if, changes, paths) and redraws. */
function paint(): void {
  const overlay = emptyOverlay();
  if (state.lens !== null) overlay.nodeColor = lensColors(graph, state.lens, analysis.risk);
  if (state.size !== null && analysis.scores.length > 0) overlay.nodeSize = lensSizes(graph, analysis.scores);
  const report = state.remove.length > 0 ? analysis.report : null;
  if (report !== null) {
    // What the removal does not touch fades (unless the lens coloured it), so its marks stand out of the kinds.
    graph.forEachNode((id, a) => {
      if (!overlay.nodeColor.has(id)) overlay.nodeColor.set(id, faded(a.color));
    });
    for (const i of report.affected) overlay.nodeColor.set(i.material.id, LOSES_A_SUPPLIER);
    for (const e of report.removed) overlay.nodeColor.set(e.id, REMOVED_ENTITY);
    for (const i of report.itemsWithOneSupplier) overlay.nodeColor.set(i.material.id, ONE_SUPPLIER_LEFT);
    for (const i of report.itemsWithoutSupplier) overlay.nodeColor.set(i.material.id, WITHOUT_SUPPLIER);
    for (const l of report.removedLinks) overlay.edgeColor.set(l.id, REMOVED_LINK);
  }
  for (const c of analysis.changes?.changes ?? []) {
    overlay.edgeColor.set(c.relationship.id, c.change === 'STARTED' ? STARTED_LINK : ENDED_LINK);
  }
  for (const path of analysis.paths) {
    for (const n of path.nodes) overlay.emphasisNodes.add(n.id);
    for (const e of path.edges) {
      overlay.emphasisEdges.add(e.id);
      overlay.edgeColor.set(e.id, PATH);
    }
  }
  filter.overlay = overlay;
  renderer.refresh();
  renderLegend(byId('analysis-legend'), {
    color: state.lens,
    weightings: new Set([...analysis.risk.values()].map((r) => r.weighting)),
    linkType: state.links,
    size: state.size,
    whatIf: report !== null,
    changes: analysis.period,
    paths: analysis.paths.length > 0 ? analysis.paths.length : null,
  });
  drawWhatIfList();
}

function showPendingPanel(): void {
  if (pendingPanel === 'paths' && state.pathFrom !== null && state.pathTo !== null) {
    showPaths(panel, nameOf(state.pathFrom), nameOf(state.pathTo), analysis.paths);
  } else if (pendingPanel === 'changes' && analysis.period !== null && analysis.changes !== null) {
    showChanges(panel, analysis.period, analysis.changes, nameOf);
  }
  pendingPanel = null;
}

// What-if: the removals, each with × to undo.
function drawWhatIfList(): void {
  byId('what-if-list').replaceChildren(
    ...state.remove.map((id) => {
      const undo = el(
        'button',
        { type: 'button', class: 'undo', title: `Put ${nameOf(id)} back`, 'data-undo': id },
        '×',
      );
      undo.addEventListener('click', () => setRemoved(id, false));
      return el('li', { 'data-id': id }, el('span', {}, nameOf(id)), undo);
    }),
  );
  byId('what-if-hint').hidden = state.remove.length > 0;
  byId('what-if-report').hidden = analysis.report === null || state.remove.length === 0;
}

function setRemoved(id: string, removed: boolean): void {
  state.remove = removed ? [...new Set([...state.remove, id])] : state.remove.filter((r) => r !== id);
  writeState(state);
  if (state.remove.length === 0) {
    analysis.report = null;
    tickets.whatIf += 1;
    paint();
    if (filter.selectedNode === null) showMessage(panel, 'What-if cleared', 'Nothing is removed.');
    return;
  }
  paint();
  void refreshWhatIf(true);
}

function showNothingSelected(): void {
  showMessage(
    panel,
    'Nothing selected',
    'Click a node or an edge for its properties and citations; double-click a node (or press Expand) to draw its neighbours.',
  );
}

function clearSelection(): void {
  filter.selectedNode = null;
  filter.selectedEdge = null;
  state.select = null;
  writeState(state);
  renderer.refresh({ skipIndexation: true });
  showNothingSelected();
}

/** Sets the expanded nodes (recorded for undo) and redraws. */
function setExpanded(ids: string[]): void {
  expansions.record(state.expand);
  state.expand = ids;
  updateHistoryButtons();
  void loadGraph();
}

/** Draws a node's neighbours: all of them, or those over one relationship type. */
function expand(id: string, type: string | null = null): void {
  // The whole graph already holds every neighbour; the centre's are drawn.
  const entry = expansionEntry({ id, type });
  if (state.whole || id === state.id || state.expand.includes(id) || state.expand.includes(entry)) return;
  // Expanding fully replaces the node's expansions by type.
  const others = type === null ? state.expand.filter((e) => parseExpansion(e).id !== id) : state.expand;
  setExpanded([...others, entry]);
}

function isExpanded(id: string): boolean {
  return state.expand.some((e) => parseExpansion(e).id === id);
}

/** Takes away every expansion of the node. */
function collapse(id: string): void {
  if (isExpanded(id)) setExpanded(state.expand.filter((e) => parseExpansion(e).id !== id));
}

/** Per node and date: how many links of each type its neighbourhood holds (what "Expand by type" offers). */
const typeCounts = new Map<string, Map<string, number>>();
async function fetchTypeCounts(id: string): Promise<void> {
  const key = `${id}@${state.asOf ?? 'now'}`;
  if (typeCounts.has(key)) return;
  const found = await neighborhood({ id, depth: 1, limit: EXPAND_LIMIT, asOf: state.asOf });
  if (typeCounts.size >= DETAILS_KEPT) typeCounts.clear();
  typeCounts.set(key, found === null ? new Map() : linkTypeCounts(found, id));
  if (filter.selectedNode === id) drawSelectedEntity();
}

function recentre(id: string): void {
  Object.assign(state, { id, whole: false, expand: [], select: id });
  fitToScreen(false);
  expansions.clear();
  updateHistoryButtons();
  void loadGraph();
}

function stepHistory(direction: 'undo' | 'redo'): void {
  const ids = direction === 'undo' ? expansions.undo(state.expand) : expansions.redo(state.expand);
  if (ids === null) return;
  state.expand = ids;
  updateHistoryButtons();
  void loadGraph();
}

function updateHistoryButtons(): void {
  byId<HTMLButtonElement>('undo-expand').disabled = !expansions.canUndo;
  byId<HTMLButtonElement>('redo-expand').disabled = !expansions.canRedo;
}

/** Entity details already fetched (properties, citations), so redrawing the panel asks the API for nothing. */
const details = new Map<string, EntityDetails>();
const DETAILS_KEPT = 500;

async function selectNode(id: string): Promise<void> {
  filter.selectedNode = id;
  filter.selectedEdge = null;
  state.select = id;
  writeState(state);
  renderer.refresh({ skipIndexation: true });
  if (!details.has(id)) {
    const found = await entity(id);
    if (filter.selectedNode !== id) return;
    if (found === null) {
      showMessage(panel, id, 'This entity is not in the graph any more.');
      return;
    }
    if (details.size >= DETAILS_KEPT) details.clear();
    details.set(id, found);
  }
  drawSelectedEntity();
}

/** The selected entity in the panel, its links read from the drawn graph now. */
function drawSelectedEntity(): void {
  const id = filter.selectedNode;
  const found = id === null ? undefined : details.get(id);
  if (id === null || found === undefined) return;
  const groups = linkGroups(graph, id, (edge) => isEdgeVisible(graph, filter, edge));
  const held = graph.hasNode(id) ? graph.degree(id) : 0;
  const shown = groups.reduce((n, g) => n + g.relationships.length, 0);
  // Redrawing the panel must not drop a keyboard user's focus: it goes back to the same action, or the heading.
  const focused = document.activeElement instanceof HTMLElement && panel.contains(document.activeElement);
  const action = focused ? (document.activeElement as HTMLElement).dataset['action'] : undefined;
  showEntity(
    panel,
    found,
    groups,
    (other) => void selectNode(other),
    entityActions(found.id, found.kind, found.name),
    held - shown,
  );
  if (focused) {
    const again = action !== undefined ? panel.querySelector<HTMLElement>(`[data-action="${action}"]`) : null;
    (again ?? panel.querySelector<HTMLElement>(':scope > h2'))?.focus();
  }
}

/**
 * Redraws the panel from the drawn graph when it shows the selection (not an analysis report): after every load,
 * expansion or filter change, so its links are the edges on the canvas.
 */
function refreshPanel(): void {
  const shows = (attribute: string, id: string) =>
    panel.querySelector(`:scope > h2[${attribute}="${CSS.escape(id)}"]`) !== null;
  if (filter.selectedNode !== null && shows('data-entity', filter.selectedNode)) drawSelectedEntity();
  else if (filter.selectedEdge !== null && shows('data-relationship', filter.selectedEdge)) {
    if (graph.hasEdge(filter.selectedEdge)) selectEdge(filter.selectedEdge);
    else showNothingSelected();
  }
}

/** The analyses a selected entity can start: remove it in the what-if, or make it an end of the path finder. */
function entityActions(id: string, kind: string, name: string): HTMLElement[] {
  const button = (label: string, action: string, run: () => void) => {
    const b = el('button', { type: 'button', 'data-action': action }, label);
    b.addEventListener('click', run);
    return b;
  };
  const actions: HTMLElement[] = [];
  if (isExpanded(id)) actions.push(button('Collapse', 'collapse', () => collapse(id)));
  if (!state.whole && id !== state.id && !state.expand.includes(id)) {
    actions.push(button('Expand', 'expand', () => expand(id)));
    const counts = typeCounts.get(`${id}@${state.asOf ?? 'now'}`);
    if (counts === undefined) void fetchTypeCounts(id);
    else if (counts.size > 1) {
      const byType = el(
        'select',
        { 'data-action': 'expand-type', 'aria-label': `Expand ${name} by relationship type` },
        el('option', { value: '' }, 'Expand by type…'),
        ...[...counts].map(([type, n]) =>
          el(
            'option',
            { value: type, ...(state.expand.includes(expansionEntry({ id, type })) ? { disabled: '' } : {}) },
            `${type} (${n})`,
          ),
        ),
      );
      byType.addEventListener('change', () => {
        if (byType.value !== '') expand(id, byType.value);
      });
      actions.push(byType);
    }
  }
  if (id !== state.id || state.whole) actions.push(button('Recentre here', 'recentre', () => recentre(id)));
  if (REMOVABLE_KINDS.has(kind)) {
    const removed = state.remove.includes(id);
    actions.push(
      button(removed ? 'Restore in what-if' : 'Remove in what-if', 'what-if', () => {
        analysis.names.set(id, name);
        setRemoved(id, !removed);
      }),
    );
  }
  actions.push(button('Path from here', 'path-from', () => setPathEnd('from', id, name)));
  actions.push(button('Path to here', 'path-to', () => setPathEnd('to', id, name)));
  return actions;
}

function selectEdge(id: string): void {
  filter.selectedEdge = id;
  filter.selectedNode = null;
  state.select = null;
  writeState(state);
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
      refreshPanel();
      updateStatus();
      drawList();
      findInView.refresh();
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

const matrixView = setUpMatrixView({
  state,
  panel,
  status,
  graphiqlLink,
  loaded: () => {
    debug.matrixLoads += 1;
  },
});

const VIEWS = ['graph', 'list', 'matrix'] as const;

function showView(view: ViewState['view']): void {
  state.view = view;
  writeState(state);
  for (const v of VIEWS) {
    byId(v).hidden = v !== view;
    const tab = byId(`tab-${v}`);
    tab.classList.toggle('active', v === view);
    tab.setAttribute('aria-selected', String(v === view));
    tab.tabIndex = v === view ? 0 : -1;
  }
  byId('filters').hidden = view === 'matrix';
  if (view === 'matrix') void matrixView.load();
  else {
    if (view === 'list') drawList();
    const args = neighborhoodArgs();
    if (args !== null) graphiqlLink.href = graphiqlUrl(NEIGHBORHOOD_QUERY, { ...args });
  }
}

/** The List tab, when shown, redrawn from the graph and filters. */
function drawList(): void {
  if (state.view !== 'list') return;
  renderListView(byId('list'), {
    graph,
    nodeDrawn: (id) => isNodeVisible(graph, filter, id),
    edgeDrawn: (id) => isEdgeVisible(graph, filter, id),
    selected: filter.selectedNode,
    select: (id) => {
      void selectNode(id).then(() => panel.querySelector<HTMLElement>(':scope > h2')?.focus());
    },
  });
}

// Controls.
setUpSearchBox(byId<HTMLInputElement>('search'), byId('suggestions'), (id) => {
  state.id = id;
  state.whole = false;
  state.expand = [];
  state.select = null;
  filter.selectedNode = null;
  expansions.clear();
  updateHistoryButtons();
  fitToScreen(false);
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
setUpTimeSlider(byId<HTMLInputElement>('as-of'), byId('as-of-label'), months, state.asOf, (asOf) => {
  state.asOf = asOf;
  if (state.view === 'matrix') {
    writeState(state);
    void matrixView.load();
  } else void loadGraph();
});
// The analyses.
const groupBy = byId<HTMLSelectElement>('group-by');
groupBy.value = state.group ?? '';
groupBy.addEventListener('change', () => {
  state.group = (groupBy.value || null) as LayoutGroup | null;
  if (state.group === 'community') {
    graphiqlLink.href = graphiqlUrl(COMMUNITIES_QUERY, { asOf: state.asOf });
  }
  void loadGraph();
});
const lensColor = byId<HTMLSelectElement>('lens-color');
const lensSize = byId<HTMLSelectElement>('lens-size');
const lensLinks = byId<HTMLSelectElement>('lens-links');
lensColor.value = state.lens ?? '';
lensSize.value = state.size ?? '';
lensLinks.value = state.links ?? '';
lensColor.addEventListener('change', () => {
  state.lens = (lensColor.value || null) as ColorLens | null;
  writeState(state);
  const materials = graph.filterNodes((_id, a) => a.kind === 'Material');
  graphiqlLink.href = graphiqlUrl(SUPPLY_RISK_QUERY, {
    filter: { materials, level: 'ITEM', ...(state.links !== null ? { linkTypes: [state.links] } : {}) },
    asOf: state.asOf,
  });
  paint();
  void refreshLens();
});
lensSize.addEventListener('change', () => {
  state.size = (lensSize.value || null) as SizeLens | null;
  writeState(state);
  if (state.size !== null) {
    const measure = state.size === 'betweenness' ? 'BETWEENNESS' : 'DEGREE';
    graphiqlLink.href = graphiqlUrl(CENTRALITY_QUERY, { measure, asOf: state.asOf });
  }
  analysis.scores = [];
  scoresFor = null;
  paint();
  void refreshSizes();
});
lensLinks.addEventListener('change', () => {
  state.links = (lensLinks.value || null) as SupplyLinkType | null;
  writeState(state);
  void refreshLens();
  void refreshWhatIf(filter.selectedNode === null && filter.selectedEdge === null);
});
byId('what-if-report').addEventListener('click', () => {
  if (analysis.report !== null) showDisruption(panel, analysis.report, nameOf);
});

const pathInputs = { from: byId<HTMLInputElement>('path-from'), to: byId<HTMLInputElement>('path-to') };
/** The ids the path finder will ask for: picked from suggestions or the selection (a typed id is taken as is). */
const pathEnds: Record<'from' | 'to', string | null> = { from: state.pathFrom, to: state.pathTo };
function setPathEnd(end: 'from' | 'to', id: string, name: string): void {
  pathEnds[end] = id;
  pathInputs[end].value = name;
}
for (const end of ['from', 'to'] as const) {
  const input = pathInputs[end];
  input.value = pathEnds[end] ?? '';
  input.addEventListener('input', () => {
    pathEnds[end] = null;
  });
  setUpSearchBox(input, byId(`path-${end}-suggestions`), (id) => {
    pathEnds[end] = id;
  });
}
const pathK = byId<HTMLSelectElement>('path-k');
if (![...pathK.options].some((o) => o.value === String(state.k))) pathK.append(el('option', {}, String(state.k)));
pathK.value = String(state.k);
const clearPaths = byId('clear-paths');
clearPaths.hidden = state.pathFrom === null;
byId('find-paths').addEventListener('click', () => {
  const typed = (end: 'from' | 'to') =>
    pathEnds[end] ?? (pathInputs[end].value.includes(':') ? pathInputs[end].value.trim() : null);
  const [from, to] = [typed('from'), typed('to')];
  if (from === null || to === null) {
    status.textContent = 'Paths: choose both ends (from the suggestions or with "Path from/to here")';
    return;
  }
  Object.assign(state, { pathFrom: from, pathTo: to, k: Number(pathK.value) });
  graphiqlLink.href = graphiqlUrl(PATHS_QUERY, { from, to, k: state.k, asOf: state.asOf });
  clearPaths.hidden = false;
  pendingPanel = 'paths';
  void loadGraph();
});
clearPaths.addEventListener('click', () => {
  Object.assign(state, { pathFrom: null, pathTo: null });
  pathEnds.from = pathEnds.to = null;
  pathInputs.from.value = pathInputs.to.value = '';
  clearPaths.hidden = true;
  void loadGraph();
});

const compare = byId<HTMLInputElement>('compare');
compare.min = months[0] ?? '';
compare.max = months.at(-1) ?? '';
const compareClear = byId('compare-clear');
compare.value = state.compare ?? '';
compareClear.hidden = state.compare === null;
const setCompare = (month: string | null) => {
  state.compare = month;
  compare.value = month ?? '';
  compareClear.hidden = month === null;
  const period = comparedPeriod();
  if (period !== null) graphiqlLink.href = graphiqlUrl(CHANGES_QUERY, { ...period });
  pendingPanel = month === null ? null : 'changes';
  if (state.view !== 'graph') showView('graph');
  void loadGraph();
};
compare.addEventListener('change', () => setCompare(/^\d{4}-\d{2}$/.test(compare.value) ? compare.value : null));
compareClear.addEventListener('click', () => setCompare(null));

byId('whole-graph').addEventListener('click', () => {
  status.textContent = 'Finding the hub…';
  wholeGraphHub(state.asOf)
    .then((hub) => {
      if (hub === null) {
        notice.show('The graph holds no entity yet.');
        return;
      }
      Object.assign(state, { id: hub, whole: true, depth: 3, limit: 500, expand: [], select: null });
      expansions.clear();
      updateHistoryButtons();
      fitToScreen(false);
      depth.value = '3';
      limit.value = '500';
      showView('graph');
      void loadGraph();
    })
    .catch((error: Error) => notice.show(`The whole graph could not be started: ${error.message}`));
});
for (const v of VIEWS) byId(`tab-${v}`).addEventListener('click', () => showView(v));
// The tabs as an ARIA tablist: arrow keys move between them.
byId('view-tabs').addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
  const next = VIEWS[(VIEWS.indexOf(state.view) + (event.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length]!;
  showView(next);
  byId(`tab-${next}`).focus();
});
byId('undo-expand').addEventListener('click', () => stepHistory('undo'));
byId('fit-view').addEventListener('click', () => fitToScreen());
byId('redo-expand').addEventListener('click', () => stepHistory('redo'));
byId('exports').replaceChildren(
  ...EXPORT_FORMATS.map((format) => {
    const button = el('button', { type: 'button', 'data-format': format }, format);
    button.addEventListener('click', () => {
      const ids = debug.visibleNodeIds();
      const drawn = new Map(
        ids.map((id) => {
          const { x, y } = graph.getNodeAttributes(id);
          const shown = renderer.getNodeDisplayData(id);
          return [
            id,
            {
              x,
              y,
              size: shown?.size ?? 5,
              color: shown?.color ?? kindStyle(graph.getNodeAttribute(id, 'kind')).color,
            },
          ];
        }),
      );
      exportFile(format, ids, state.asOf, { fileName: viewFileName(), drawn }).catch((error: Error) => {
        status.textContent = error.message;
      });
    });
    return button;
  }),
);
/** What an export of the view is called: what it shows and its date (`neighborhood-country-japan-d2-2023-12`). */
function viewFileName(): string {
  const date = state.asOf ?? 'now';
  if (state.whole) return `whole-graph-${date}`;
  const centre = (state.id ?? 'graph').replace(/[^\w-]+/g, '-');
  const expanded = state.expand.length > 0 ? `-expanded-${state.expand.length}` : '';
  return `neighborhood-${centre}-d${state.depth}${expanded}-${date}`;
}

byId('export-png').addEventListener('click', () => {
  const centre = state.id === null ? 'graph' : nameOf(state.id);
  const nodes = graph.filterNodes((id) => isNodeVisible(graph, filter, id));
  const edges = graph.filterEdges((id) => isEdgeVisible(graph, filter, id)).length;
  const kinds = KINDS.filter((kind) => nodes.some((id) => graph.getNodeAttribute(id, 'kind') === kind));
  exportPng(renderer, {
    title: state.whole
      ? 'The whole graph'
      : `Neighbourhood of ${centre} (${state.depth} hop${state.depth === 1 ? '' : 's'})`,
    subtitle: `${nodes.length} nodes, ${edges} edges · as of ${state.asOf ?? 'now (every relationship)'} · ${location.href}`,
    legend: kinds.map((kind) => ({ label: kind, color: kindStyle(kind).color, shape: kindStyle(kind).shape })),
    fileName: viewFileName(),
  }).catch((error: Error) => {
    status.textContent = error.message;
  });
});
byId('copy-link').addEventListener('click', () => {
  void navigator.clipboard?.writeText(location.href).then(() => {
    status.textContent = 'Link copied';
  });
});

showView(state.view);
void loadGraph();

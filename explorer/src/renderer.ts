/**
 * Draws the graph with Sigma.js (WebGL): colour and shape by kind, size by degree, edge labels by relationship
 * type. What is hidden (filtered kinds and types) and what is highlighted (the selection) is decided by reducers
 * at draw time, so filtering never touches the graph itself.
 */
import { NodeSquareProgram } from '@sigma/node-square';
import Sigma from 'sigma';
import { EdgeArrowProgram, NodeCircleProgram, type NodeLabelDrawingFunction } from 'sigma/rendering';
import { faded } from './palette.ts';
import type { EdgeAttributes, ExplorerGraph, NodeAttributes } from './graph-state.ts';

/**
 * What the analyses paint over the kind colours and degree sizes: the risk lens, the what-if, the changes of a
 * period and the exposure paths. Main composes it; the reducers only read it.
 */
export interface Overlay {
  nodeColor: Map<string, string>;
  /** Node sizes of the lens; null: size by degree in view. */
  nodeSize: Map<string, number> | null;
  edgeColor: Map<string, string>;
  /** Drawn thicker, labelled and above the rest (the paths found). */
  emphasisNodes: Set<string>;
  emphasisEdges: Set<string>;
}

export function emptyOverlay(): Overlay {
  return {
    nodeColor: new Map(),
    nodeSize: null,
    edgeColor: new Map(),
    emphasisNodes: new Set(),
    emphasisEdges: new Set(),
  };
}

export interface ViewFilter {
  hiddenKinds: Set<string>;
  hiddenTypes: Set<string>;
  selectedNode: string | null;
  selectedEdge: string | null;
  /** Under the pointer: a node's neighbourhood stands out, the rest fades; an edge is drawn thicker. */
  hoveredNode: string | null;
  hoveredEdge: string | null;
  /** Find in view: the matching nodes stand out, the rest fades; null when not finding. */
  found: ReadonlySet<string> | null;
  center: string | null;
  overlay: Overlay;
}

export interface RendererEvents {
  clickNode(id: string): void;
  doubleClickNode(id: string): void;
  clickEdge(id: string): void;
  clickStage(): void;
}

export type ExplorerRenderer = Sigma<NodeAttributes, EdgeAttributes>;

export function isNodeVisible(graph: ExplorerGraph, filter: ViewFilter, id: string): boolean {
  return !filter.hiddenKinds.has(graph.getNodeAttribute(id, 'kind'));
}

export function isEdgeVisible(graph: ExplorerGraph, filter: ViewFilter, id: string): boolean {
  return (
    !filter.hiddenTypes.has(graph.getEdgeAttribute(id, 'label')) &&
    isNodeVisible(graph, filter, graph.source(id)) &&
    isNodeVisible(graph, filter, graph.target(id))
  );
}

export function createRenderer(
  container: HTMLElement,
  graph: ExplorerGraph,
  filter: ViewFilter,
  events: RendererEvents,
): ExplorerRenderer {
  const drawLabel = drawLabelInside(() => container.clientWidth);
  // The square program brings a label drawer of its own; squares are labelled like circles, inside the canvas.
  class SquareProgram extends NodeSquareProgram<NodeAttributes, EdgeAttributes> {
    override drawLabel = drawLabel as NodeSquareProgram['drawLabel'];
  }
  const renderer = new Sigma<NodeAttributes, EdgeAttributes>(graph, container, {
    renderEdgeLabels: true,
    // The network tab can be hidden (list, matrix) while the graph changes.
    allowInvalidContainer: true,
    enableEdgeEvents: true,
    defaultEdgeType: 'arrow',
    nodeProgramClasses: { circle: NodeCircleProgram, square: SquareProgram },
    edgeProgramClasses: { arrow: EdgeArrowProgram },
    labelRenderedSizeThreshold: 4,
    labelSize: 12,
    edgeLabelSize: 10,
    edgeLabelColor: { color: '#666' },
    zIndex: true,
    hideEdgesOnMove: false,
    // Room for the labels of nodes at the edge of the picture.
    stagePadding: 70,
    // Labels: Sigma's grid keeps one per cell (no overprint); the drawer keeps them inside the canvas.
    labelDensity: 0.8,
    labelGridCellSize: 110,
    defaultDrawNodeLabel: drawLabel,
    nodeReducer: (id, data) => {
      if (!isNodeVisible(graph, filter, id)) return { ...data, hidden: true };
      const selected = id === filter.selectedNode;
      const focus = filter.hoveredNode ?? filter.selectedNode;
      const near = focus !== null && id !== focus && graph.hasNode(focus) ? graph.areNeighbors(id, focus) : false;
      const { overlay } = filter;
      const emphasis = overlay.emphasisNodes.has(id);
      const color = overlay.nodeColor.get(id) ?? data.color;
      const found = filter.found?.has(id) === true;
      const away =
        (filter.hoveredNode !== null && id !== filter.hoveredNode && !near) || (filter.found !== null && !found);
      return {
        ...data,
        color: away ? faded(color) : color,
        // While finding, only the matches keep their labels.
        label: filter.found !== null && !found ? null : data.label,
        size: overlay.nodeSize?.get(id) ?? data.size,
        highlighted: selected || emphasis || found || id === filter.hoveredNode,
        // The centre, the selection or hovered node and its neighbours, the paths and what find matched are labelled.
        forceLabel: selected || emphasis || found || id === filter.center || id === filter.hoveredNode || near,
        zIndex: selected || found || id === filter.hoveredNode ? 2 : near || emphasis ? 1 : 0,
      };
    },
    edgeReducer: (id, data) => {
      if (!isEdgeVisible(graph, filter, id)) return { ...data, hidden: true };
      const [source, target] = [graph.source(id), graph.target(id)];
      const touches =
        filter.selectedNode !== null && (source === filter.selectedNode || target === filter.selectedNode);
      const hovered = filter.hoveredNode !== null && (source === filter.hoveredNode || target === filter.hoveredNode);
      const selected = id === filter.selectedEdge || id === filter.hoveredEdge;
      const emphasis = filter.overlay.emphasisEdges.has(id);
      const painted = filter.overlay.edgeColor.get(id);
      const color = selected ? '#c0392b' : (painted ?? (touches || hovered ? '#4a4a6a' : data.color));
      return {
        ...data,
        color:
          (filter.hoveredNode !== null && !hovered) ||
          (filter.found !== null && !filter.found.has(source) && !filter.found.has(target))
            ? faded(color)
            : color,
        size: selected ? 3.5 : emphasis ? 3.5 : painted !== undefined ? 2.5 : touches || hovered ? 2 : data.size,
        forceLabel: selected || touches || hovered || emphasis,
        zIndex: selected || touches || hovered || emphasis || painted !== undefined ? 1 : 0,
      };
    },
  });
  renderer.on('clickNode', ({ node }) => events.clickNode(node));
  renderer.on('doubleClickNode', (payload) => {
    payload.preventSigmaDefault();
    events.doubleClickNode(payload.node);
  });
  renderer.on('clickEdge', ({ edge }) => events.clickEdge(edge));
  // An edge is a thin line: a click or the pointer within EDGE_HIT_PX of one counts as on it.
  renderer.on('clickStage', ({ event }) => {
    const edge = edgeNear(renderer, graph, filter, event);
    if (edge !== null) events.clickEdge(edge);
    else events.clickStage();
  });
  const hover = (node: string | null, edge: string | null) => {
    if (node === filter.hoveredNode && edge === filter.hoveredEdge) return;
    filter.hoveredNode = node;
    filter.hoveredEdge = edge;
    container.style.cursor = node !== null || edge !== null ? 'pointer' : '';
    renderer.refresh({ skipIndexation: true });
  };
  renderer.on('enterNode', ({ node }) => hover(node, null));
  renderer.on('leaveNode', () => hover(null, null));
  let pending = false;
  renderer.on('moveBody', ({ event }) => {
    if (filter.hoveredNode !== null || pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      if (filter.hoveredNode === null) hover(null, edgeNear(renderer, graph, filter, event));
    });
  });
  return renderer;
}

/** How near (CSS pixels) a click or the pointer must come to an edge to be on it. */
const EDGE_HIT_PX = 6;

/** The drawn edge nearest to a point of the canvas, within EDGE_HIT_PX; null when none is that near. */
function edgeNear(
  renderer: ExplorerRenderer,
  graph: ExplorerGraph,
  filter: ViewFilter,
  point: { x: number; y: number },
): string | null {
  let best: string | null = null;
  let bestDistance = EDGE_HIT_PX;
  graph.forEachEdge((id, _attributes, source, target) => {
    if (!isEdgeVisible(graph, filter, id)) return;
    const a = renderer.graphToViewport(graph.getNodeAttributes(source));
    const b = renderer.graphToViewport(graph.getNodeAttributes(target));
    const distance = distanceToSegment(point, a, b);
    if (distance < bestDistance) {
      best = id;
      bestDistance = distance;
    }
  });
  return best;
}

function distanceToSegment(
  p: { x: number; y: number },
  a: { x: number; y: number },
  b: { x: number; y: number },
): number {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Labels longer than this are cut with an ellipsis on the canvas (the panel and the list give them whole). */
const LABEL_CHARS = 48;

/**
 * Draws a node's label to its right, or to its left when that would run past the canvas's right edge (under the
 * side panel), on a white halo so it reads over edges.
 */
function drawLabelInside(width: () => number): NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes> {
  return (context, data, settings) => {
    if (data.label == null || data.label === '') return;
    const label = data.label.length > LABEL_CHARS ? `${data.label.slice(0, LABEL_CHARS - 1)}…` : data.label;
    context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    const textWidth = context.measureText(label).width;
    const gap = data.size + 3;
    const x = data.x + gap + textWidth > width() - 4 ? data.x - gap - textWidth : data.x + gap;
    const y = data.y + settings.labelSize / 3;
    context.lineWidth = 3;
    context.strokeStyle = 'rgba(255, 255, 255, 0.85)';
    context.strokeText(label, x, y);
    context.fillStyle = '#1f1f1f';
    context.fillText(label, x, y);
  };
}

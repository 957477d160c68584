/**
 * Draws the graph with Sigma.js (WebGL): colour and shape by kind, size by degree, edge labels by relationship
 * type. What is hidden (filtered kinds and types) and what is highlighted (the selection) is decided by reducers
 * at draw time, so filtering never touches the graph itself.
 */
import { NodeSquareProgram } from '@sigma/node-square';
import Sigma from 'sigma';
import { EdgeArrowProgram, NodeCircleProgram } from 'sigma/rendering';
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
  const renderer = new Sigma<NodeAttributes, EdgeAttributes>(graph, container, {
    renderEdgeLabels: true,
    // The network tab can be hidden (list, matrix) while the graph changes.
    allowInvalidContainer: true,
    enableEdgeEvents: true,
    defaultEdgeType: 'arrow',
    nodeProgramClasses: { circle: NodeCircleProgram, square: NodeSquareProgram },
    edgeProgramClasses: { arrow: EdgeArrowProgram },
    labelRenderedSizeThreshold: 7,
    labelSize: 12,
    edgeLabelSize: 10,
    edgeLabelColor: { color: '#666' },
    zIndex: true,
    hideEdgesOnMove: false,
    // Room for the labels of nodes at the edge of the picture.
    stagePadding: 70,
    nodeReducer: (id, data) => {
      if (!isNodeVisible(graph, filter, id)) return { ...data, hidden: true };
      const selected = id === filter.selectedNode;
      const near =
        filter.selectedNode !== null && !selected && graph.hasNode(filter.selectedNode)
          ? graph.areNeighbors(id, filter.selectedNode)
          : false;
      const { overlay } = filter;
      const emphasis = overlay.emphasisNodes.has(id);
      return {
        ...data,
        color: overlay.nodeColor.get(id) ?? data.color,
        size: overlay.nodeSize?.get(id) ?? data.size,
        highlighted: selected || emphasis,
        // Small graphs show every label; larger ones the centre, the selection and its neighbours, and the hubs.
        forceLabel: selected || emphasis || id === filter.center || near || graph.order <= 60,
        zIndex: selected ? 2 : near || emphasis ? 1 : 0,
      };
    },
    edgeReducer: (id, data) => {
      if (!isEdgeVisible(graph, filter, id)) return { ...data, hidden: true };
      const touches =
        filter.selectedNode !== null &&
        (graph.source(id) === filter.selectedNode || graph.target(id) === filter.selectedNode);
      const selected = id === filter.selectedEdge;
      const emphasis = filter.overlay.emphasisEdges.has(id);
      const painted = filter.overlay.edgeColor.get(id);
      return {
        ...data,
        color: selected ? '#d62728' : (painted ?? (touches ? '#555577' : data.color)),
        size: selected ? 3 : emphasis ? 3.5 : painted !== undefined ? 2.5 : touches ? 2 : data.size,
        forceLabel: selected || touches || emphasis,
        zIndex: selected || touches || emphasis || painted !== undefined ? 1 : 0,
      };
    },
  });
  renderer.on('clickNode', ({ node }) => events.clickNode(node));
  renderer.on('doubleClickNode', (payload) => {
    payload.preventSigmaDefault();
    events.doubleClickNode(payload.node);
  });
  renderer.on('clickEdge', ({ edge }) => events.clickEdge(edge));
  renderer.on('clickStage', () => events.clickStage());
  return renderer;
}

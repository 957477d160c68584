/**
 * Draws the graph with Sigma.js (WebGL): colour and shape by kind, size by degree, edge labels by relationship
 * type. What is hidden (filtered kinds and types) and what is highlighted (the selection) is decided by reducers
 * at draw time, so filtering never touches the graph itself.
 */
import { NodeSquareProgram } from '@sigma/node-square';
import Sigma from 'sigma';
import { EdgeArrowProgram, NodeCircleProgram } from 'sigma/rendering';
import type { EdgeAttributes, ExplorerGraph, NodeAttributes } from './graph-state.ts';

export interface ViewFilter {
  hiddenKinds: Set<string>;
  hiddenTypes: Set<string>;
  selectedNode: string | null;
  selectedEdge: string | null;
  center: string | null;
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

function isEdgeVisible(graph: ExplorerGraph, filter: ViewFilter, id: string): boolean {
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
      return {
        ...data,
        highlighted: selected,
        // Small graphs show every label; larger ones the centre, the selection and its neighbours, and the hubs.
        forceLabel: selected || id === filter.center || near || graph.order <= 60,
        zIndex: selected ? 2 : near ? 1 : 0,
      };
    },
    edgeReducer: (id, data) => {
      if (!isEdgeVisible(graph, filter, id)) return { ...data, hidden: true };
      const touches =
        filter.selectedNode !== null &&
        (graph.source(id) === filter.selectedNode || graph.target(id) === filter.selectedNode);
      const selected = id === filter.selectedEdge;
      return {
        ...data,
        color: selected ? '#d62728' : touches ? '#555577' : data.color,
        size: selected ? 3 : touches ? 2 : data.size,
        forceLabel: selected || touches,
        zIndex: selected || touches ? 1 : 0,
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

/**
 * Measures the renderer on a synthetic graph (for the report's 500 and 5,000-node figures): the same graph
 * building, Sigma settings and worker layout as the page, in a temporary full-size container. Time to the first
 * frame, frames per second while the layout runs, and the time of one full redraw.
 */
import { createGraph, nodeSize } from './graph-state.ts';
import { KINDS, kindStyle } from './kinds.ts';
import { LayoutRunner } from './layout.ts';
import { createRenderer, emptyOverlay } from './renderer.ts';

export async function measureSyntheticGraph(
  nodes: number,
  edgesPerNode = 2,
): Promise<{
  nodes: number;
  edges: number;
  firstFrameMs: number;
  layoutFps: number;
  layoutMs: number;
  redrawMs: number;
}> {
  const graph = createGraph();
  for (let i = 0; i < nodes; i += 1) {
    const kind = KINDS[i % KINDS.length] ?? 'Company';
    const style = kindStyle(kind);
    graph.addNode(`n${i}`, {
      label: `${kind} ${i}`,
      kind,
      x: Math.random() * 100,
      y: Math.random() * 100,
      size: 4,
      color: style.color,
      type: style.shape,
    });
  }
  // A preferential-attachment-like graph: a few hubs, many leaves, as in the corpus.
  for (let i = 1; i < nodes; i += 1) {
    for (let k = 0; k < edgesPerNode && k < i; k += 1) {
      const j = Math.floor(Math.random() ** 2 * i);
      const relationship = {
        id: `e${i}-${k}`,
        type: 'CONCERNS',
        source: `n${i}`,
        target: `n${j}`,
        properties: {},
        note: null,
        sources: [],
      };
      graph.addDirectedEdgeWithKey(relationship.id, `n${i}`, `n${j}`, {
        label: 'CONCERNS',
        relationship,
        size: 1,
        color: '#b8b8c8',
        type: 'arrow',
      });
    }
  }
  graph.forEachNode((id) => graph.setNodeAttribute(id, 'size', nodeSize(graph.degree(id))));
  const container = document.createElement('div');
  Object.assign(container.style, { position: 'fixed', inset: '0', background: '#fff', zIndex: '100' });
  document.body.append(container);
  const filter = {
    hiddenKinds: new Set<string>(),
    hiddenTypes: new Set<string>(),
    selectedNode: null,
    selectedEdge: null,
    hoveredNode: null,
    hoveredEdge: null,
    found: null,
    center: null,
    overlay: emptyOverlay(),
  };
  const started = performance.now();
  const renderer = createRenderer(container, graph, filter, {
    clickNode: () => undefined,
    doubleClickNode: () => undefined,
    clickEdge: () => undefined,
    clickStage: () => undefined,
  });
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const firstFrameMs = performance.now() - started;
  let frames = 0;
  let counting = true;
  const count = () => {
    frames += 1;
    if (counting) requestAnimationFrame(count);
  };
  requestAnimationFrame(count);
  const layout = new LayoutRunner();
  const layoutStarted = performance.now();
  await layout.run(graph);
  counting = false;
  const layoutMs = performance.now() - layoutStarted;
  // One full redraw, done synchronously: the cost of every frame while panning, zooming or filtering.
  const redraws = 5;
  const redrawStarted = performance.now();
  for (let i = 0; i < redraws; i += 1) renderer.refresh();
  const redrawMs = (performance.now() - redrawStarted) / redraws;
  renderer.kill();
  container.remove();
  return {
    nodes: graph.order,
    edges: graph.size,
    firstFrameMs: Math.round(firstFrameMs),
    layoutFps: Math.round((frames * 1000) / layoutMs),
    layoutMs: Math.round(layoutMs),
    redrawMs: Math.round(redrawMs),
  };
}

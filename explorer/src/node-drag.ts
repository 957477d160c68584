/**
 * Dragging a node moves it and pins it there (attribute `fixed`, which the layout respects). While a node is
 * dragged the camera does not pan, and from then on the view keeps its frame (a custom bounding box), so the node
 * follows the pointer and nothing jumps when it is dropped; the next load or "fit to screen" lets the frame go.
 */
import type { ExplorerGraph } from './graph-state.ts';
import type { ExplorerRenderer } from './renderer.ts';

export function enableNodeDrag(renderer: ExplorerRenderer, graph: ExplorerGraph, onPinned: (id: string) => void): void {
  let dragged: string | null = null;
  let moved = false;
  renderer.on('downNode', ({ node }) => {
    dragged = node;
    moved = false;
    if (renderer.getCustomBBox() === null) renderer.setCustomBBox(renderer.getBBox());
  });
  renderer.on('moveBody', ({ event }) => {
    if (dragged === null) return;
    moved = true;
    const position = renderer.viewportToGraph(event);
    graph.mergeNodeAttributes(dragged, { x: position.x, y: position.y, fixed: true });
    event.preventSigmaDefault();
    event.original.preventDefault();
    event.original.stopPropagation();
  });
  const drop = () => {
    if (dragged !== null && moved) onPinned(dragged);
    dragged = null;
  };
  renderer.on('upNode', drop);
  renderer.on('upStage', drop);
}

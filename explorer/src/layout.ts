/**
 * The force layout: ForceAtlas2 (graphology-layout-forceatlas2) run from the positions the graph holds, a batch of
 * iterations at a time between frames, until it converges. The number of iterations depends only on the graph
 * and its starting positions, never on the machine's speed, so the same view always settles on the same picture.
 * Pinned nodes (attribute `fixed`, set by dragging) stay where they were put.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { ExplorerGraph } from './graph-state.ts';

/** Iterations between two convergence checks. */
const BATCH = 10;
/** Converged: the mean move of a node over one batch is below this share of the layout's extent. */
const TOLERANCE = 0.0015;
/** Time the layout may take from each frame, so the page keeps drawing and answering. */
const FRAME_BUDGET_MS = 14;

/** At most this many iterations: enough for a few hundred nodes, fewer for large graphs (each costs more). */
function maxIterations(order: number): number {
  return Math.max(100, Math.min(1500, Math.round(300_000 / Math.max(1, order))));
}

export interface LayoutRun {
  iterations: number;
  converged: boolean;
}

export class LayoutRunner {
  private ticket = 0;
  private active = false;
  /** How the last completed run ended. */
  last: LayoutRun | null = null;

  get running(): boolean {
    return this.active;
  }

  /** Runs the layout to convergence (or its iteration cap); resolves when it has stopped. */
  async run(graph: ExplorerGraph): Promise<void> {
    const ticket = ++this.ticket;
    this.active = false;
    if (graph.order < 2) return;
    this.active = true;
    const settings = {
      ...forceAtlas2.inferSettings(graph),
      barnesHutOptimize: graph.order > 200,
      adjustSizes: false,
    };
    const cap = maxIterations(graph.order);
    let iterations = 0;
    let converged = false;
    while (iterations < cap && !converged) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      if (ticket !== this.ticket) return;
      const frameStarted = performance.now();
      do {
        const positions = forceAtlas2(graph, { iterations: BATCH, settings });
        iterations += BATCH;
        converged = meanMove(graph, positions) < TOLERANCE * extent(graph);
        graph.updateEachNodeAttributes(
          (node, attributes) => {
            const p = positions[node];
            // A pinned node keeps its exact place (the layout works in 32-bit floats and would round it).
            return p === undefined || attributes.fixed === true ? attributes : { ...attributes, x: p.x, y: p.y };
          },
          { attributes: ['x', 'y'] },
        );
      } while (iterations < cap && !converged && performance.now() - frameStarted < FRAME_BUDGET_MS);
    }
    this.last = { iterations, converged };
    this.active = false;
  }

  stop(): void {
    this.ticket += 1;
    this.active = false;
  }
}

function meanMove(graph: ExplorerGraph, positions: Record<string, { x: number; y: number }>): number {
  let sum = 0;
  graph.forEachNode((node, a) => {
    const p = positions[node];
    if (p !== undefined) sum += Math.hypot(p.x - a.x, p.y - a.y);
  });
  return sum / Math.max(1, graph.order);
}

function extent(graph: ExplorerGraph): number {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  graph.forEachNode((_node, a) => {
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
  });
  return Math.max(1, maxX - minX, maxY - minY);
}

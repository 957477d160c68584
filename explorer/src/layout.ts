/**
 * The force layout: ForceAtlas2 (graphology-layout-forceatlas2) run from the positions the graph holds, a batch of
 * iterations at a time between frames, until it converges. The number of iterations depends only on the graph
 * and its starting positions, never on the machine's speed, so the same view always settles on the same picture.
 * Pinned nodes (attribute `fixed`, set by dragging) stay where they were put. Grouped (by kind, by community), each
 * group gets an undrawn hub its members are tied to, so a group gathers in one region of the picture.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { ExplorerGraph } from './graph-state.ts';

/** How strongly a member is tied to its group's hub, against 1 for a drawn link. */
const GROUP_PULL = 3;

/**
 * The graph the layout runs on when grouped: the drawn nodes and links, plus one hub per group (at its members'
 * centroid) linked to each member.
 */
function groupedCopy(graph: ExplorerGraph, groups: ReadonlyMap<string, string>): Graph {
  const copy = new Graph({ type: 'directed', multi: true, allowSelfLoops: true });
  graph.forEachNode((id, a) => copy.addNode(id, { x: a.x, y: a.y, size: a.size, fixed: a.fixed === true }));
  graph.forEachEdge((_id, _a, source, target) => copy.addEdge(source, target, { weight: 1 }));
  const members = new Map<string, string[]>();
  graph.forEachNode((id) => {
    const group = groups.get(id);
    if (group !== undefined) members.set(group, [...(members.get(group) ?? []), id]);
  });
  for (const [group, ids] of members) {
    if (ids.length < 2) continue;
    const hub = `\u0000group ${group}`;
    const x = ids.reduce((sum, id) => sum + graph.getNodeAttribute(id, 'x'), 0) / ids.length;
    const y = ids.reduce((sum, id) => sum + graph.getNodeAttribute(id, 'y'), 0) / ids.length;
    copy.addNode(hub, { x, y, size: 1 });
    for (const id of ids) copy.addEdge(id, hub, { weight: GROUP_PULL });
  }
  return copy;
}

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

  /**
   * Runs the layout to convergence (or its iteration cap); resolves when it has stopped. `groups` (node id to group)
   * gathers each group's members together.
   */
  async run(graph: ExplorerGraph, groups: ReadonlyMap<string, string> | null = null): Promise<void> {
    const ticket = ++this.ticket;
    this.active = false;
    if (graph.order < 2) return;
    this.active = true;
    const laidOut: Graph = groups === null ? graph : groupedCopy(graph, groups);
    const settings = {
      ...forceAtlas2.inferSettings(laidOut),
      barnesHutOptimize: laidOut.order > 200,
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
        const positions = forceAtlas2(laidOut, { iterations: BATCH, settings });
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
        if (laidOut !== graph) {
          laidOut.updateEachNodeAttributes(
            (node, attributes) => {
              const p = positions[node];
              return p === undefined || attributes['fixed'] === true ? attributes : { ...attributes, x: p.x, y: p.y };
            },
            { attributes: ['x', 'y'] },
          );
        }
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

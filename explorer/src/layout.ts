/**
 * The force layout, ForceAtlas2 in a web worker (graphology-layout-forceatlas2's supervisor), so the page stays
 * responsive while the graph settles. Each run is bounded in time; Sigma redraws as the worker moves nodes.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { ExplorerGraph } from './graph-state.ts';

export class LayoutRunner {
  private supervisor: FA2Layout | null = null;
  private timer: number | undefined;
  private done: (() => void) | null = null;

  get running(): boolean {
    return this.supervisor?.isRunning() ?? false;
  }

  /** Runs the layout for a time that grows with the graph (0.8 to 4 s); resolves when it has stopped. */
  run(graph: ExplorerGraph): Promise<void> {
    this.stop();
    if (graph.order < 2) return Promise.resolve();
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 200, adjustSizes: false };
    // A fresh supervisor each run: the worker copies the graph's structure when it starts.
    this.supervisor = new FA2Layout(graph, { settings });
    this.supervisor.start();
    const ms = Math.min(4000, 800 + graph.order * 4);
    return new Promise((resolve) => {
      this.done = resolve;
      this.timer = window.setTimeout(() => this.stop(), ms);
    });
  }

  stop(): void {
    window.clearTimeout(this.timer);
    this.supervisor?.kill();
    this.supervisor = null;
    const done = this.done;
    this.done = null;
    done?.();
  }
}

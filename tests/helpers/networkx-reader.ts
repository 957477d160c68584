/**
 * Test helper: reads a GraphML or node-link JSON export with networkx, in every Python 3 on this machine that has
 * it (Debian's python3-networkx at /usr/bin/python3, and `python3` on PATH if that is another one). Node-link is
 * read with node_link_graph's defaults, except that networkx 3.4+ is told `edges="links"`.
 */
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';

export interface NetworkxGraph {
  version: string;
  directed: boolean;
  multigraph: boolean;
  graph: Record<string, unknown>;
  nodes: Record<string, Record<string, unknown>>;
  edges: Array<[string, string, string, Record<string, unknown>]>;
}

const SCRIPT = `
import inspect, json, sys
import networkx as nx
kind, path = sys.argv[1], sys.argv[2]
if kind == "graphml":
    g = nx.read_graphml(path, force_multigraph=True)
else:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    params = inspect.signature(nx.node_link_graph).parameters
    g = nx.node_link_graph(data, edges="links") if "edges" in params else nx.node_link_graph(data)
print(json.dumps({
    "version": nx.__version__,
    "directed": g.is_directed(),
    "multigraph": g.is_multigraph(),
    "graph": g.graph,
    "nodes": {n: a for n, a in g.nodes(data=True)},
    "edges": [[u, v, k, a] for u, v, k, a in g.edges(keys=True, data=True)],
}))
`;

/** The Python executables that can import networkx, one per real file. */
export function pythonsWithNetworkx(): string[] {
  const found = new Map<string, string>();
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(candidate, ['-c', 'import networkx, sys; print(sys.executable)'], { encoding: 'utf8' });
    if (probe.status !== 0) continue;
    const executable = probe.stdout.trim();
    found.set(realpathSync(executable), candidate);
  }
  return [...found.values()];
}

export function readWithNetworkx(python: string, kind: 'graphml' | 'node-link', file: string): NetworkxGraph {
  const result = spawnSync(python, ['-c', SCRIPT, kind, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`networkx could not read ${file}: ${result.stderr}`);
  return JSON.parse(result.stdout) as NetworkxGraph;
}

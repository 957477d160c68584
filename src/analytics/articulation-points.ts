/**
 * Internal: the articulation points of a projection (single points of failure): entities whose removal splits
 * the connected component they are in.
 */
import { compareIds } from './compare-ids.ts';
import type { ProjectionGraph } from './projection.ts';

/** An entity whose removal splits its component, and what the removal leaves. */
export interface ArticulationPoint {
  id: string;
  /**
   * The sizes (in entities) of the connected parts the removal leaves of the component the entity was in, largest
   * first: at least two parts, summing to the component's size minus one.
   */
  componentSizes: number[];
}

/**
 * The articulation points of `graph`'s undirected simple view (parallel relationships count as one link; they
 * cannot make or unmake an articulation point anyway), by Tarjan's low-link depth-first search.
 *
 * The search keeps its own stack instead of recursing, so a path of a million entities does not overflow the
 * call stack; time and memory are O(n + m).
 *
 * Order: most entities cut off first, i.e. the sum of all parts but the largest (what loses contact with the
 * main body of the component), then more parts first, then id ascending (`compareIds`).
 */
export function articulationPoints(graph: ProjectionGraph): ArticulationPoint[] {
  const { ids, starts, neighbours } = simpleAdjacency(graph);
  const n = ids.length;

  const discovery = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const subtreeSize = new Int32Array(n);
  const nextNeighbour = new Int32Array(n);
  const stack = new Int32Array(n);
  // Per node: the sizes of the child subtrees that only reach the rest of the component through it.
  const separated = new Map<number, number[]>();

  const points: ArticulationPoint[] = [];
  let time = 0;

  const visit = (node: number, from: number): void => {
    discovery[node] = time;
    low[node] = time;
    time += 1;
    parent[node] = from;
    subtreeSize[node] = 1;
    nextNeighbour[node] = at(starts, node);
  };

  for (let root = 0; root < n; root += 1) {
    if (at(discovery, root) !== -1) continue;
    visit(root, -1);
    let depth = 0;
    stack[depth] = root;

    while (depth >= 0) {
      const node = at(stack, depth);
      const cursor = at(nextNeighbour, node);
      if (cursor < at(starts, node + 1)) {
        nextNeighbour[node] = cursor + 1;
        const neighbour = at(neighbours, cursor);
        if (at(discovery, neighbour) === -1) {
          visit(neighbour, node);
          depth += 1;
          stack[depth] = neighbour;
        } else if (neighbour !== at(parent, node)) {
          // A back edge (simple graph: the edge to the parent is the tree edge itself).
          low[node] = Math.min(at(low, node), at(discovery, neighbour));
        }
        continue;
      }

      // Every neighbour of `node` is done: report to its parent.
      depth -= 1;
      const up = at(parent, node);
      if (up === -1) continue;
      low[up] = Math.min(at(low, up), at(low, node));
      subtreeSize[up] = at(subtreeSize, up) + at(subtreeSize, node);
      if (at(low, node) >= at(discovery, up)) {
        const parts = separated.get(up);
        if (parts === undefined) separated.set(up, [at(subtreeSize, node)]);
        else parts.push(at(subtreeSize, node));
      }
    }

    // The component is done: its size is the root's subtree.
    const componentSize = at(subtreeSize, root);
    for (const [node, parts] of separated) {
      // The root's children never reach above it, so each is a part; it splits the component iff it has two.
      // Any other node also leaves the part holding its parent (at least the root): the rest of the component.
      const sizes = node === root ? parts : [...parts, componentSize - 1 - parts.reduce((sum, size) => sum + size, 0)];
      if (sizes.length >= 2) points.push({ id: ids[node] ?? '', componentSizes: sizes.sort((a, b) => b - a) });
    }
    separated.clear();
  }

  return points.sort(
    (a, b) => cutOff(b) - cutOff(a) || b.componentSizes.length - a.componentSizes.length || compareIds(a.id, b.id),
  );
}

/** The entities the removal cuts off from the largest part that remains. */
function cutOff(point: ArticulationPoint): number {
  return point.componentSizes.reduce((sum, size) => sum + size, 0) - (point.componentSizes[0] ?? 0);
}

/**
 * Distinct neighbours as compressed rows: node i's are neighbours[starts[i]..starts[i + 1]), nodes indexed in the
 * graph's order.
 */
function simpleAdjacency(graph: ProjectionGraph): { ids: string[]; starts: Int32Array; neighbours: Int32Array } {
  const ids = graph.nodes();
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const starts = new Int32Array(ids.length + 1);
  const rows: number[] = [];
  ids.forEach((id, i) => {
    starts[i] = rows.length;
    // A multigraph's neighbours are distinct: parallel edges give one neighbour.
    graph.forEachNeighbor(id, (neighbour) => rows.push(index.get(neighbour) ?? -1));
  });
  starts[ids.length] = rows.length;
  return { ids, starts, neighbours: Int32Array.from(rows) };
}

/** A typed array's element at an index the algorithm knows to be in range. */
function at(array: Int32Array, i: number): number {
  return array[i] as number;
}

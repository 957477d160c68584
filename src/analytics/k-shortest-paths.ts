/**
 * Internal: the k shortest loopless paths between two entities (Yen's algorithm), each with the relationships it
 * runs along, so a reader can check every hop against its citation.
 */
import { checkRange } from '../argument-checks.ts';
import { compareIds } from './compare-ids.ts';
import type { ProjectionGraph } from './projection.ts';

/** The largest `k` and `maxHops` accepted: Yen's work grows with k · maxHops spur searches. */
export const K_SHORTEST_PATHS_LIMITS = { k: 10, maxHops: 6 } as const;

/** A loopless path: `nodes` from the start to the end, `relationships[i]` links `nodes[i]` and `nodes[i + 1]`. */
export interface Path {
  nodes: string[];
  relationships: string[];
}

export interface KShortestPathsOptions {
  /** How many paths at most, 1 to 10. */
  k: number;
  /** The longest path, in hops (relationships), 1 to 6. */
  maxHops: number;
  /** Only relationships of these types are walked; absent: all. An empty set allows none. */
  relationshipTypes?: ReadonlySet<string> | null;
}

/**
 * The (at most) `k` shortest loopless paths from `from` to `to` in `graph`, undirected, length = number of hops,
 * none longer than `maxHops`.
 *
 * A path is a sequence of relationships, not only of entities: two relationships between the same two entities
 * are two cited links, so they make two distinct paths (a-b-c over two parallel a-b relationships is two paths).
 * `k` caps how many such variants come back.
 *
 * Order (total, so the answer is the same on every run): shorter first, then by the entity ids compared element
 * by element (`compareIds`), then by the relationship ids likewise. The k paths are exactly the first k of all
 * loopless paths of at most `maxHops` hops in that order: Yen's algorithm, whose spur searches return the
 * smallest spur path in that same order (a breadth-first search from `to` with the root path's entities and the
 * already-taken next relationships masked, then a walk that takes the smallest entity and then the smallest
 * relationship at each step towards `to`).
 *
 * `from` equal to `to` gives the one path of no hops; an id not in the graph gives no paths (callers tell a
 * missing entity apart with `graph.hasNode`).
 *
 * @throws BadUserInputError when `k` or `maxHops` is not an integer in its range.
 */
export function kShortestPaths(
  graph: ProjectionGraph,
  from: string,
  to: string,
  options: KShortestPathsOptions,
): Path[] {
  const { k, maxHops } = options;
  checkRange('k', k, 1, K_SHORTEST_PATHS_LIMITS.k);
  checkRange('maxHops', maxHops, 1, K_SHORTEST_PATHS_LIMITS.maxHops);
  if (!graph.hasNode(from) || !graph.hasNode(to)) return [];
  if (from === to) return [{ nodes: [from], relationships: [] }];

  const types = options.relationshipTypes ?? null;
  const walkable = (type: string): boolean => types === null || types.has(type);

  const first = smallestPath(graph, walkable, from, to, maxHops, new Set(), new Set());
  if (first === null) return [];

  const accepted: Path[] = [first];
  const candidates: Path[] = [];
  // Every path ever generated (accepted or waiting), by its relationships, which determine it given `from`.
  const seen = new Set<string>([pathKey(first)]);

  while (accepted.length < k) {
    const last = accepted[accepted.length - 1] as Path;
    for (let spur = 0; spur < last.relationships.length; spur += 1) {
      const rootNodes = last.nodes.slice(0, spur + 1);
      const rootRelationships = last.relationships.slice(0, spur);
      // Deviate from every accepted path with this root: its next relationship is not taken again here.
      const maskedRelationships = new Set<string>();
      for (const path of accepted) {
        if (startsWith(path.relationships, rootRelationships)) {
          const next = path.relationships[spur];
          if (next !== undefined) maskedRelationships.add(next);
        }
      }
      // Loopless: the spur path may not come back to the root path.
      const maskedNodes = new Set(rootNodes.slice(0, spur));
      const spurNode = rootNodes[spur] as string;
      const spurPath = smallestPath(graph, walkable, spurNode, to, maxHops - spur, maskedNodes, maskedRelationships);
      if (spurPath === null) continue;
      const candidate: Path = {
        nodes: [...rootNodes.slice(0, spur), ...spurPath.nodes],
        relationships: [...rootRelationships, ...spurPath.relationships],
      };
      const key = pathKey(candidate);
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(candidate);
    }
    if (candidates.length === 0) break;
    let best = 0;
    for (let i = 1; i < candidates.length; i += 1) {
      if (comparePaths(candidates[i] as Path, candidates[best] as Path) < 0) best = i;
    }
    accepted.push(candidates.splice(best, 1)[0] as Path);
  }
  return accepted;
}

/**
 * The smallest path (in the order of `kShortestPaths`) from `start` to `end` of at most `maxHops` hops that
 * avoids `maskedNodes` and `maskedRelationships`, or null. Breadth-first from `end`, stopped as soon as `start`
 * is reached (every entity nearer to `end` has its distance by then), then a greedy walk from `start`: among the
 * neighbours one hop nearer to `end`, the smallest id; among the relationships to it, the smallest id. Greedy is
 * exact here: paths of equal length compare at their first difference.
 */
function smallestPath(
  graph: ProjectionGraph,
  walkable: (type: string) => boolean,
  start: string,
  end: string,
  maxHops: number,
  maskedNodes: ReadonlySet<string>,
  maskedRelationships: ReadonlySet<string>,
): Path | null {
  const usable = (relationship: string, type: string, neighbour: string): boolean =>
    !maskedNodes.has(neighbour) && !maskedRelationships.has(relationship) && walkable(type);

  const distance = new Map<string, number>([[end, 0]]);
  let frontier = [end];
  for (let hops = 1; hops <= maxHops && frontier.length > 0 && !distance.has(start); hops += 1) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachEdge(node, (relationship, attributes, source, target) => {
        const neighbour = source === node ? target : source;
        if (distance.has(neighbour) || !usable(relationship, attributes.type, neighbour)) return;
        distance.set(neighbour, hops);
        next.push(neighbour);
      });
    }
    frontier = next;
  }
  const length = distance.get(start);
  if (length === undefined) return null;

  const path: Path = { nodes: [start], relationships: [] };
  let node = start;
  for (let remaining = length; remaining > 0; remaining -= 1) {
    let step: { neighbour: string; relationship: string } | null = null;
    for (const relationship of graph.edges(node)) {
      const neighbour = graph.opposite(node, relationship);
      if (distance.get(neighbour) !== remaining - 1) continue;
      if (!usable(relationship, graph.getEdgeAttribute(relationship, 'type'), neighbour)) continue;
      const byNode = step === null ? -1 : compareIds(neighbour, step.neighbour);
      if (byNode < 0 || (byNode === 0 && step !== null && compareIds(relationship, step.relationship) < 0)) {
        step = { neighbour, relationship };
      }
    }
    // Unreachable: `node` got its distance from a usable relationship to a node one hop nearer.
    if (step === null) throw new Error(`k shortest paths: no step from '${node}' towards '${end}'`);
    path.nodes.push(step.neighbour);
    path.relationships.push(step.relationship);
    node = step.neighbour;
  }
  return path;
}

function comparePaths(a: Path, b: Path): number {
  return (
    a.relationships.length - b.relationships.length ||
    compareSequences(a.nodes, b.nodes) ||
    compareSequences(a.relationships, b.relationships)
  );
}

function compareSequences(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const order = compareIds(a[i] as string, b[i] as string);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function startsWith(sequence: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= sequence.length && prefix.every((item, i) => sequence[i] === item);
}

function pathKey(path: Path): string {
  return JSON.stringify(path.relationships);
}

/**
 * Internal: centrality of every entity of a projection, and the ranking of the scores.
 *
 * How each measure weighs the cited links (the answer says so too):
 * - DEGREE counts relationships: two relationships citing the same pair of entities count twice.
 * - BETWEENNESS and PAGERANK look at structure, on the undirected simple view (`toSimpleGraph`): a pair of
 *   entities is linked or not, however many relationships cite the link. Besides being the intended meaning,
 *   this is needed: graphology-metrics takes a MultiGraph without complaint, but its unweighted betweenness
 *   indexes distinct neighbours against a buffer sized for every edge, so with parallel edges the last node
 *   gets phantom neighbours (a leaf of a-b-b-c scored 1/3), and its weighted variants count each parallel edge
 *   as a separate path or walk step, i.e. weight a link by how often it is cited.
 */
// The index's named exports: the CommonJS default exports of the per-measure files do not type as callable
// under NodeNext (their declarations say `export default`, which TypeScript reads as `exports.default`).
import { betweenness as betweennessCentrality, pagerank } from 'graphology-metrics/centrality/index.js';
import { BadUserInputError } from '../errors.ts';
import { compareIds } from './compare-ids.ts';
import { toSimpleGraph } from './projection.ts';
import type { ProjectionGraph } from './projection.ts';

export type CentralityMeasure = 'DEGREE' | 'BETWEENNESS' | 'PAGERANK';

/** One entity's place in a ranking. */
export interface RankedScore {
  id: string;
  score: number;
  /** The 1-based position in the ranking; entities with equal scores still get consecutive ranks. */
  rank: number;
}

/**
 * The score of every entity of `graph` (a map keyed by entity id, in the graph's node order) under `measure`:
 *
 * - `DEGREE`: the number of relationships of the entity, parallel relationships each counted (self-loops were
 *   dropped by `toGraph`). A count, not graphology's `degreeCentrality` (which divides by n - 1).
 * - `BETWEENNESS`: unweighted shortest paths on the undirected simple view, normalized as graphology-metrics
 *   does by default (`normalized: true`): Brandes' sum over ordered pairs times 1 / ((n - 1)(n - 2)), which for
 *   an undirected graph is the share of the C(n - 1, 2) unordered pairs of other entities whose shortest paths
 *   run through the entity (a pair with several shortest paths counts the fraction through it). Between 0 and 1;
 *   graphs of at most 2 nodes score 0. Costs O(n·m): the caller bounds the projection.
 * - `PAGERANK`: graphology-metrics' PageRank with its defaults (alpha 0.85, at most 100 iterations, tolerance
 *   1e-6 per node) on the undirected simple view, unweighted: a walker at an entity moves to each linked entity
 *   with equal probability; an isolated entity teleports anywhere. The scores sum to 1.
 */
export function centralityScores(graph: ProjectionGraph, measure: CentralityMeasure): Map<string, number> {
  switch (measure) {
    case 'DEGREE': {
      const scores = new Map<string, number>();
      graph.forEachNode((node) => scores.set(node, graph.degree(node)));
      return scores;
    }
    case 'BETWEENNESS':
      // getEdgeWeight: null picks the unweighted (BFS) Brandes; the default would run Dijkstra on 'weight'.
      return inNodeOrder(graph, betweennessCentrality(toSimpleGraph(graph), { getEdgeWeight: null }));
    case 'PAGERANK':
      // graphology cannot converge on an empty graph (its error test is `error < 0 * tolerance`).
      if (graph.order === 0) return new Map();
      return inNodeOrder(graph, pagerank(toSimpleGraph(graph), { getEdgeWeight: null }));
    default: {
      const never: never = measure;
      throw new Error(`Unknown centrality measure: ${String(never)}`);
    }
  }
}

/**
 * The `first` highest scores, highest first; equal scores in ascending id order (`compareIds`), so the ranking
 * is the same on every run. `rank` is the position, 1-based: ties do not share a rank.
 *
 * @throws BadUserInputError when `first` is not a non-negative integer.
 */
export function rankScores(scores: ReadonlyMap<string, number>, first: number): RankedScore[] {
  if (!Number.isInteger(first) || first < 0) {
    throw new BadUserInputError('first', `'first' must be a non-negative integer, got ${first}`);
  }
  return [...scores]
    .sort(([idA, scoreA], [idB, scoreB]) => scoreB - scoreA || compareIds(idA, idB))
    .slice(0, first)
    .map(([id, score], index) => ({ id, score, rank: index + 1 }));
}

function inNodeOrder(graph: ProjectionGraph, mapping: Record<string, number>): Map<string, number> {
  const scores = new Map<string, number>();
  graph.forEachNode((node) => scores.set(node, mapping[node] ?? 0));
  return scores;
}

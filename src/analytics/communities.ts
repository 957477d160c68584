/**
 * Internal: communities of a projection by Louvain modularity (graphology-communities-louvain), reproducible:
 * the same projection and seed give the same communities, numbered the same way.
 */
import louvainModule from 'graphology-communities-louvain';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { BadUserInputError } from '../errors.ts';
import { compareIds } from './compare-ids.ts';
import { toSimpleGraph } from './projection.ts';
import type { ProjectionGraph } from './projection.ts';

// The package is CommonJS with `module.exports = louvain`; its declarations say `export default`, which
// TypeScript reads under NodeNext as `exports.default`. At run time the default import is the function itself.
const louvain = louvainModule as unknown as typeof louvainModule.default;

/** A community: `id` numbers the communities 0.. in the order of the result; members in id order. */
export interface Community {
  id: number;
  members: string[];
}

/**
 * The communities Louvain finds in `graph`, every entity in exactly one (an isolated entity is a community of
 * its own). Runs on the undirected simple view (`toSimpleGraph`), unweighted, resolution 1: a link counts once
 * however many relationships cite it, so citing a link again does not pull its ends together.
 *
 * Deterministic for a fixed `seed`: Louvain's random visiting order draws from pure-rand's xoroshiro128+ seeded
 * with `seed` (never Math.random), and nodes and edges go in in id order (`toGraph`). Communities come largest
 * first, equal sizes by their smallest member id, numbered 0.. in that order, so the numbering is stable too.
 *
 * @throws BadUserInputError when `seed` is not a 32-bit integer.
 */
export function louvainCommunities(graph: ProjectionGraph, seed: number): Community[] {
  if (!Number.isInteger(seed) || seed < -(2 ** 31) || seed > 2 ** 31 - 1) {
    throw new BadUserInputError(
      'seed',
      `'seed' must be an integer between ${-(2 ** 31)} and ${2 ** 31 - 1}, got ${seed}`,
    );
  }
  const generator = xoroshiro128plus(seed);
  const assignment = louvain(toSimpleGraph(graph), { getEdgeWeight: null, rng: () => uniformFloat64(generator) });

  const membersByCommunity = new Map<number, string[]>();
  graph.forEachNode((node) => {
    const community = assignment[node];
    if (community === undefined) throw new Error(`Louvain left node '${node}' without a community`);
    const members = membersByCommunity.get(community);
    if (members === undefined) membersByCommunity.set(community, [node]);
    else members.push(node);
  });

  // Nodes iterate in id order (toGraph), so each members list is already sorted; sort anyway, it is the contract.
  const groups = [...membersByCommunity.values()].map((members) => members.sort(compareIds));
  groups.sort((a, b) => b.length - a.length || compareIds(a[0] ?? '', b[0] ?? ''));
  return groups.map((members, id) => ({ id, members }));
}

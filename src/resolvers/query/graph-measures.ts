/**
 * Query.centrality, articulationPoints, communities and paths: graph measures over a projection of the graph
 * (src/measures/projection-measures.ts), each entity loaded by id for the fields selected on it.
 */
import type { InputMaybe, ProjectionInput, QueryResolvers } from '../../generated/graphql.ts';
import { asOfBound, checkRange, optionalList } from '../../argument-checks.ts';
import { BadUserInputError } from '../../errors.ts';
import { K_SHORTEST_PATHS_LIMITS } from '../../analytics/k-shortest-paths.ts';
import { SUPPLY_NETWORK, type ProjectionSpec } from '../../graph/projection.ts';
import { readRelationships } from '../../graph/relationship-by-id.ts';
import type { Vocabulary } from '../../model/vocabulary.ts';
import { MAX_PAGE_SIZE } from '../../limits/page-sizes.ts';

/** The projection a measure runs over (sorted lists, so equal projections share a cache entry). */
function projectionOf(
  projection: InputMaybe<ProjectionInput> | undefined,
  asOf: InputMaybe<string> | undefined,
): ProjectionSpec {
  const kinds = optionalList('projection.kinds', projection?.kinds);
  const types = optionalList('projection.types', projection?.types);
  return {
    kinds: kinds ? [...new Set(kinds)].sort() : SUPPLY_NETWORK.kinds,
    types: types ? [...new Set(types)].sort() : SUPPLY_NETWORK.types,
    asOf: asOfBound(asOf),
  };
}

/** Every kind and relationship type of the model: what `paths` walks unless told otherwise. */
function wholeGraph(vocabulary: Vocabulary, types: readonly string[] | null, asOf: string | null): ProjectionSpec {
  return {
    kinds: Object.keys(vocabulary.kinds).sort(),
    types: types ? [...new Set(types)].sort() : Object.keys(vocabulary.relationshipTypes).sort(),
    asOf,
  };
}

export const centrality: QueryResolvers['centrality'] = (_parent, args, context) =>
  context.measures.centrality(
    context.runner,
    args.measure,
    projectionOf(args.projection, args.asOf),
    checkRange('first', args.first, 1, MAX_PAGE_SIZE),
  );

export const articulationPoints: QueryResolvers['articulationPoints'] = (_parent, args, context) =>
  context.measures.articulationPoints(
    context.runner,
    projectionOf(args.projection, args.asOf),
    checkRange('first', args.first, 1, MAX_PAGE_SIZE),
  );

export const communities: QueryResolvers['communities'] = (_parent, args, context) =>
  context.measures.communities(
    context.runner,
    projectionOf(args.projection, args.asOf),
    args.seed,
    checkRange('first', args.first, 1, MAX_PAGE_SIZE),
  );

export const paths: QueryResolvers['paths'] = async (_parent, args, context) => {
  const k = checkRange('k', args.k, 1, K_SHORTEST_PATHS_LIMITS.k);
  const maxHops = checkRange('maxHops', args.maxHops, 1, K_SHORTEST_PATHS_LIMITS.maxHops);
  const types = optionalList('types', args.types);
  const [from, to] = await Promise.all([context.entities.load(args.from), context.entities.load(args.to)]);
  if (!from) throw new BadUserInputError('from', `'from': there is no entity "${args.from}"`);
  if (!to) throw new BadUserInputError('to', `'to': there is no entity "${args.to}"`);
  const found = await context.measures.paths(
    context.runner,
    from.id,
    to.id,
    { k, maxHops },
    wholeGraph(context.vocabulary, types, asOfBound(args.asOf)),
  );
  const relationships = await readRelationships(
    context.runner,
    found.flatMap((p) => p.relationships),
  );
  const byId = new Map(relationships.map((r) => [r.id, r]));
  return Promise.all(
    found.map(async (path) => ({
      length: path.relationships.length,
      nodes: (await context.entities.loadMany(path.nodes)).flatMap((n) => (n instanceof Error || !n ? [] : [n])),
      edges: path.relationships.flatMap((r) => byId.get(r.id) ?? []),
    })),
  );
};

/** Query.graphStats: counts by entity kind and by relationship type. */
import type { QueryResolvers } from '../../generated/graphql.ts';
import { countGraph } from '../../graph/graph-stats.ts';

export const graphStats: QueryResolvers['graphStats'] = (_parent, _args, { runner, vocabulary }) =>
  countGraph(runner, vocabulary);

/** Internal: the resolver map, one module per root field or type. */
import { graphStats } from './graph-stats.ts';

export const resolvers = {
  Query: { graphStats },
};

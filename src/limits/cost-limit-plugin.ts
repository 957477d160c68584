/**
 * Internal: the cost limit, an Apollo plugin. Once Apollo knows the operation (and so its variables), it estimates
 * the operation's cost (cost-model.ts) and rejects one over the budget before any resolver runs: LIMIT_EXCEEDED,
 * HTTP 400, naming the cost and the budget (also in `extensions.cost` and `extensions.budget`). Estimates are kept
 * in a bounded cache (cost-estimate-cache.ts), so an operation sent again costs a lookup; a cached estimate is
 * refused exactly as a fresh one.
 */
import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { AppError, ErrorCode } from '../errors.ts';
import { CostEstimateCache, type CostEstimate } from './cost-estimate-cache.ts';
import { estimateCost } from './cost-model.ts';

/** More fields than this, fragments expanded, is over any budget (graphql-query-complexity's own guard). */
const TOO_MANY_NODES = /maximum allowed number of nodes/;
/** Variables that do not fit the operation: execution rejects them as BAD_USER_INPUT, naming the variable. */
const VARIABLE_ERROR = /^Variable "\$/;

/** `cache`: where estimates are kept (a new one of the default size when omitted; the server's metrics read it). */
export function costLimitPlugin(
  costBudget: number,
  cache: CostEstimateCache = new CostEstimateCache(),
): ApolloServerPlugin {
  const overBudget = (cost: string, extensions: Record<string, unknown>) =>
    new AppError(
      ErrorCode.LIMIT_EXCEEDED,
      `The operation's estimated cost is ${cost}, over the budget of ${costBudget}; ask for less (smaller pages, ` +
        `lower depth or limit, fewer aliases or nested lists). See docs/operations.md#request-limits.`,
      { ...extensions, budget: costBudget, http: { status: 400 } },
    );
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operation, operationName, queryHash }) {
          let estimate: CostEstimate;
          try {
            estimate = estimateOperation(cache, { schema, document, request, operation, operationName, queryHash });
          } catch (error) {
            if (error instanceof Error && VARIABLE_ERROR.test(error.message)) return;
            throw error;
          }
          if (estimate === 'too-many-nodes') throw overBudget('beyond counting (too many fields)', {});
          if (estimate > costBudget) throw overBudget(String(estimate), { cost: estimate });
        },
      };
    },
  };
}

type ResolvedOperation = Pick<
  GraphQLRequestContextDidResolveOperation<object>,
  'schema' | 'document' | 'request' | 'operation' | 'operationName' | 'queryHash'
>;

/**
 * The operation's estimated cost, from `cache` or the cost model (admission by cost reads the same estimate). Throws
 * what the cost model throws for variables that do not fit the operation.
 */
export function estimateOperation(
  cache: CostEstimateCache,
  { schema, document, request, operation, operationName, queryHash }: ResolvedOperation,
): CostEstimate {
  return cache.estimate(
    {
      queryHash,
      operationName,
      // Without the operation at hand, assume it has variables: they are then part of the key.
      hasVariables: operation === undefined || (operation.variableDefinitions?.length ?? 0) > 0,
      variables: request.variables,
    },
    (): CostEstimate => {
      try {
        return estimateCost(schema, document, request.variables ?? {}, operationName ?? undefined);
      } catch (error) {
        // By message: the library's GraphQLError may come from graphql's other build (see cost-model.ts).
        if (error instanceof Error && TOO_MANY_NODES.test(error.message)) return 'too-many-nodes';
        throw error;
      }
    },
  );
}

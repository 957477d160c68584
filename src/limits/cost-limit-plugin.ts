/**
 * Internal: the cost limit, an Apollo plugin. Once Apollo knows the operation (and so its variables), it estimates
 * the operation's cost (cost-model.ts) and rejects one over the budget before any resolver runs: LIMIT_EXCEEDED,
 * HTTP 400, naming the cost and the budget (also in `extensions.cost` and `extensions.budget`).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { AppError, ErrorCode } from '../errors.ts';
import { estimateCost } from './cost-model.ts';

/** More fields than this, fragments expanded, is over any budget (graphql-query-complexity's own guard). */
const TOO_MANY_NODES = /maximum allowed number of nodes/;
/** Variables that do not fit the operation: execution rejects them as BAD_USER_INPUT, naming the variable. */
const VARIABLE_ERROR = /^Variable "\$/;

export function costLimitPlugin(costBudget: number): ApolloServerPlugin {
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
        async didResolveOperation({ schema, document, request, operationName }) {
          let cost: number;
          try {
            cost = estimateCost(schema, document, request.variables ?? {}, operationName ?? undefined);
          } catch (error) {
            // By message: the library's GraphQLError may come from graphql's other build (see cost-model.ts).
            const message = error instanceof Error ? error.message : '';
            if (VARIABLE_ERROR.test(message)) return;
            if (TOO_MANY_NODES.test(message)) {
              throw overBudget('beyond counting (too many fields)', {});
            }
            throw error;
          }
          if (cost > costBudget) throw overBudget(String(cost), { cost });
        },
      };
    },
  };
}

/**
 * Internal: admission by cost for GraphQL operations, an Apollo plugin. Once Apollo knows the operation, its
 * estimated cost (the cost model's, as the cost limit computes it) decides whether it is heavy; a heavy one waits
 * for its place (src/limits/admission-control.ts) before any resolver runs, or is answered SERVER_BUSY with HTTP 503
 * and Retry-After. The place is given back when the response is ready; an operation that ran out of time tells
 * the limit so.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { ErrorCode } from '../errors.ts';
import type { AdmissionControl, Permit } from './admission-control.ts';
import type { CostEstimateCache } from './cost-estimate-cache.ts';
import { estimateOperation } from './cost-limit-plugin.ts';
import type { RequestBudget } from './request-budget.ts';

/** Errors that mean the operation ran out of time: the heavy operations are too many for the machine. */
const OUT_OF_TIME = new Set<string>([ErrorCode.DATABASE_TIMEOUT]);

export function admissionPlugin(
  admission: AdmissionControl,
  costBudget: number,
  /** The cost limit's cache of estimates, so an operation is estimated once. */
  costEstimates: CostEstimateCache,
): ApolloServerPlugin<{ budget?: RequestBudget }> {
  return {
    async requestDidStart() {
      // Awaited by didResolveOperation; another plugin may fail the request while it waits, so the response
      // releases whatever it settles to.
      let admitted: Promise<Permit> | undefined;
      let budget: RequestBudget | undefined;
      return {
        async didResolveOperation(requestContext) {
          const { document, operationName, contextValue } = requestContext;
          let cost;
          try {
            cost = estimateOperation(costEstimates, requestContext);
          } catch {
            return; // the cost limit answers it (variables that do not fit)
          }
          // Over the budget or beyond counting: the cost limit refuses it.
          if (cost === 'too-many-nodes' || cost > costBudget || !admission.isHeavy(cost)) return;
          budget = contextValue.budget;
          const name = operationName ?? rootFieldName(document) ?? 'anonymous';
          admitted = admission.admit({ name, cost, ...(budget ? { budget } : {}) });
          await admitted;
        },
        async willSendResponse({ errors }) {
          const outOfTime =
            (budget !== undefined && budget.remainingMs() <= 0) ||
            (errors ?? []).some((error) => OUT_OF_TIME.has(String(error.extensions['code'])));
          admitted?.then(
            (permit) => permit.release(outOfTime),
            () => {},
          );
        },
      };
    },
  };
}

/** The first root field of the document's operation, to name an unnamed operation in a SERVER_BUSY message. */
function rootFieldName(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind !== 'OperationDefinition') continue;
    const field = definition.selectionSet.selections.find((s) => s.kind === 'Field');
    if (field?.kind === 'Field') return field.name.value;
  }
  return undefined;
}

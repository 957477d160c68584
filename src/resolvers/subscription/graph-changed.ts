/**
 * Subscription.graphChanged and the GraphChange type: checks the filter and the resume position, then hands the
 * subscriber to the process's change feed (src/subscriptions/change-feed.ts). Each change is resolved with a fresh
 * context of its own, like a request, so `entity` and `relationship` read what is stored when it is delivered.
 */
import type { GraphChangeResolvers, SubscriptionResolvers } from '../../generated/graphql.ts';
import { optionalList } from '../../argument-checks.ts';
import { AppError, BadUserInputError, ErrorCode } from '../../errors.ts';
import { readVersionOfEntry } from '../../graph/change-feed.ts';
import { readRelationshipById } from '../../graph/relationship-by-id.ts';
import type { GraphChangeRow } from '../../subscriptions/graph-change.ts';

/** A subscription sent over HTTP, where graphql-js would run it as a query with nothing to resolve. */
const overWebSocketOnly = () =>
  new AppError(
    ErrorCode.BAD_REQUEST,
    'Subscriptions are served over WebSocket on this path (the graphql-transport-ws protocol; see docs/clients.md)',
  );

export const graphChanged: SubscriptionResolvers['graphChanged'] = {
  subscribe: async (_root, args, { runner, changeFeed }) => {
    if (!changeFeed) throw overWebSocketOnly();
    const kinds = optionalList('kinds', args.kinds);
    const types = optionalList('types', args.types);
    let afterVersion: number | null = null;
    if (args.after !== null && args.after !== undefined) {
      const version = await readVersionOfEntry(runner, args.after);
      if (version === undefined) {
        throw new BadUserInputError(
          'after',
          `'after' must be the id of a change (an audit entry); there is none with id ${JSON.stringify(args.after)}`,
        );
      }
      if (version === null) {
        throw new BadUserInputError(
          'after',
          `'after': the audit entry ${args.after} predates the change feed's order; subscribe without 'after'`,
        );
      }
      afterVersion = version;
    }
    const filter = { kinds: kinds && new Set<string>(kinds), types: types && new Set<string>(types) };
    const changes = await changeFeed.subscribe(filter, afterVersion);
    return changes as AsyncIterable<unknown> as AsyncIterable<GraphChangeRow>;
  },
  resolve: (change: GraphChangeRow | undefined) => {
    if (change === undefined) throw overWebSocketOnly();
    return change;
  },
};

export const graphChangeFields: GraphChangeResolvers = {
  id: (change) => change.entry.id,
  at: (change) => change.entry.at,
  curator: (change) => change.entry.curator,
  action: (change) => change.entry.action,
  audit: (change) => change.entry,
  entity: (change, _args, { entities }) => (change.subject === 'ENTITY' ? entities.load(change.subjectId) : null),
  relationship: (change, _args, { runner }) =>
    change.subject === 'RELATIONSHIP' && change.operation !== 'REMOVED'
      ? readRelationshipById(runner, change.subjectId)
      : null,
};

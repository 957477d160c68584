/**
 * The live feed: `graphChanged` over WebSocket (graphql-ws, the same path as POST /graphql), so the drawn graph
 * follows the curated writes made while the page is open. After a dropped connection it subscribes again with the
 * id of the last change it saw (`after:`), so nothing made meanwhile is missed, waiting a little longer each time
 * (up to 30 s).
 */
import { createClient, type Client } from 'graphql-ws';
import { CITATION_FIELDS, type RelationshipData } from './api.ts';

const LIVE_QUERY = `subscription Live($after: ID) {
  graphChanged(after: $after) {
    id operation subject subjectId type source target
    entity { id kind name }
    relationship { id type source target properties note sources { ${CITATION_FIELDS} } }
  }
}`;

export interface LiveChange {
  id: string;
  operation: 'CREATED' | 'UPDATED' | 'REMOVED';
  subject: 'ENTITY' | 'RELATIONSHIP';
  subjectId: string;
  type: string | null;
  source: string | null;
  target: string | null;
  entity: { id: string; kind: string; name: string } | null;
  relationship: RelationshipData | null;
}

/** `live`: subscribed; `connecting`: (re)connecting; `offline`: waiting before the next attempt. */
export type LiveState = 'live' | 'connecting' | 'offline';

const MAX_WAIT_MS = 30_000;

/** Listens until the returned function is called. */
export function listenToChanges(on: {
  change: (change: LiveChange) => void;
  state: (state: LiveState) => void;
}): () => void {
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  let after: string | null = null;
  let client: Client | null = null;
  let attempts = 0;
  let stopped = false;
  let retry: number | undefined;

  const connect = () => {
    on.state('connecting');
    const current = createClient({
      url: url.href,
      retryAttempts: 0,
      lazy: true,
      on: {
        connected: () => {
          attempts = 0;
          on.state('live');
        },
      },
    });
    client = current;
    current.subscribe<{ graphChanged: LiveChange }>(
      { query: LIVE_QUERY, variables: { after } },
      {
        next: (result) => {
          const change = result.data?.graphChanged;
          if (!change) return;
          after = change.id;
          on.change(change);
        },
        error: () => reconnect(current),
        complete: () => reconnect(current),
      },
    );
  };

  const reconnect = (failed: Client) => {
    void failed.dispose();
    if (stopped || client !== failed) return;
    on.state('offline');
    attempts += 1;
    retry = window.setTimeout(connect, Math.min(MAX_WAIT_MS, 1000 * 2 ** Math.min(attempts - 1, 5)));
  };

  connect();
  return () => {
    stopped = true;
    window.clearTimeout(retry);
    void client?.dispose();
  };
}

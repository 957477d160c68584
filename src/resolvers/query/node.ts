/** Query.node and Query.entity: by id; null when there is no such object. */
import type { RequestContext } from '../../context.ts';
import type { NodeRow } from '../../graph/rows.ts';

export async function node(_parent: unknown, { id }: { id: string }, context: RequestContext): Promise<NodeRow | null> {
  return (await context.entities.load(id)) ?? (await context.documents.load(id));
}

export function entity(_parent: unknown, { id }: { id: string }, context: RequestContext) {
  return context.entities.load(id);
}

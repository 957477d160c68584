/** Query.auditLog: curated writes, newest first, optionally only those that touched one id; keyset pages. */
import type { QueryResolvers } from '../../generated/graphql.ts';
import { listAuditEntries, type AuditPosition } from '../../graph/audit-log.ts';
import { keysetPage, keysetWindow } from '../pagination.ts';

/** An entry's cursor key: `at|id` (neither holds a `|`). */
const keyOfEntry = (entry: AuditPosition) => `${entry.at}|${entry.id}`;

function positionOf(key: string | null): AuditPosition | null {
  if (key === null) return null;
  const [at = '', id = ''] = key.split('|');
  return { at, id };
}

export const auditLog: QueryResolvers['auditLog'] = async (_parent, args, { runner }, info) => {
  const window = keysetWindow(args, info, (key) => /^[^|]+\|[^|]+$/.test(key));
  const { entries, total } = await listAuditEntries(runner, {
    subjectId: args.subjectId ?? null,
    after: positionOf(window.afterKey),
    before: positionOf(window.beforeKey),
    backward: window.backward,
    limit: window.limit,
  });
  return keysetPage(entries, keyOfEntry, window, total);
};

/** Query.auditLog: curated writes, newest first, optionally only those that touched one id; keyset pages. */
import type { QueryResolvers } from '../../generated/graphql.ts';
import { listAuditEntries } from '../../graph/audit-log.ts';
import { BadUserInputError } from '../../errors.ts';
import { checkPageSize, keyAfter, toKeysetPage } from '../pagination.ts';

export const auditLog: QueryResolvers['auditLog'] = async (_parent, { subjectId, first, after }, { runner }) => {
  checkPageSize(first);
  const afterKey = keyAfter(after);
  let position: { at: string; id: string } | null = null;
  if (afterKey !== null) {
    const [at, id] = afterKey.split('|');
    if (at === undefined || id === undefined) {
      throw new BadUserInputError('after', `'after' is not a cursor this API issued: ${JSON.stringify(after)}`);
    }
    position = { at, id };
  }
  const { entries, total } = await listAuditEntries(runner, {
    subjectId: subjectId ?? null,
    after: position,
    limit: first + 1,
  });
  return toKeysetPage(entries, (e) => `${e.at}|${e.id}`, first, afterKey, total);
};

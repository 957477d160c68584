/** Query.changes: the relationships that started or ended in a period, with their citations (src/graph/changes.ts). */
import type { QueryResolvers } from '../../generated/graphql.ts';
import { optionalList } from '../../argument-checks.ts';
import { BadUserInputError } from '../../errors.ts';
import { findChanges } from '../../graph/changes.ts';
import { endOfPeriod, startOfPeriod } from '../../model/partial-date.ts';
import { checkPageSize, offsetAfter, toPage } from '../pagination.ts';

export const changes: QueryResolvers['changes'] = async (_parent, args, { runner }) => {
  const first = checkPageSize(args.first);
  const offset = offsetAfter(args.after);
  const period = { from: startOfPeriod(args.from), to: endOfPeriod(args.to) };
  if (period.from > period.to) {
    throw new BadUserInputError('from', `'from' (${args.from}) must not be after 'to' (${args.to})`);
  }
  const found = await findChanges(runner, period, optionalList('types', args.types), { offset, limit: first });
  return toPage(found.changes, offset, first, found.total);
};

/** Query.changes: the relationships that started or ended in a period, with their citations (src/graph/changes.ts). */
import type { QueryResolvers } from '../../generated/graphql.ts';
import { optionalList } from '../../argument-checks.ts';
import { BadUserInputError } from '../../errors.ts';
import { findChanges } from '../../graph/changes.ts';
import { endOfPeriod, startOfPeriod } from '../../model/partial-date.ts';
import { offsetPage } from '../pagination.ts';

export const changes: QueryResolvers['changes'] = (_parent, args, { runner }, info) => {
  const period = { from: startOfPeriod(args.from), to: endOfPeriod(args.to) };
  if (period.from > period.to) {
    throw new BadUserInputError('from', `'from' (${args.from}) must not be after 'to' (${args.to})`);
  }
  const types = optionalList('types', args.types);
  return offsetPage(args, info, async (offset, limit) => {
    const found = await findChanges(runner, period, types, { offset, limit });
    return { items: found.changes, total: found.total };
  });
};

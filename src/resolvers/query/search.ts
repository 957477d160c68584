/** Query.search: ranked full-text search, tolerant of case, punctuation and small misspellings. */
import { BadUserInputError } from '../../errors.ts';
import type { QueryResolvers } from '../../generated/graphql.ts';
import { searchEntities, searchWords } from '../../graph/search-entities.ts';
import { checkRange, optionalList } from '../../argument-checks.ts';
import { entityNodes, planFields } from '../plan-selection.ts';

const MAX_TEXT = 200;
const MAX_WORDS = 20;

export const search: QueryResolvers['search'] = (_parent, args, { runner, vocabulary }, info) => {
  if (args.text.length > MAX_TEXT) {
    throw new BadUserInputError('text', `'text' must be at most ${MAX_TEXT} characters, got ${args.text.length}`);
  }
  const words = searchWords(args.text);
  if (words.length === 0) {
    throw new BadUserInputError(
      'text',
      `'text' must contain at least one letter or digit, got ${JSON.stringify(args.text)}`,
    );
  }
  if (words.length > MAX_WORDS) {
    throw new BadUserInputError('text', `'text' must have at most ${MAX_WORDS} words, got ${words.length}`);
  }
  const first = checkRange('first', args.first, 1, 100);
  const kinds = optionalList('kinds', args.kinds);
  // The typed relationship fields selected on the hits are read in the search's statement.
  const fields = planFields(
    info,
    entityNodes(info, [['SearchHit', 'entity']]),
    kinds ?? Object.keys(vocabulary.kinds),
    vocabulary,
  );
  return searchEntities(runner, words, kinds, first, fields);
};

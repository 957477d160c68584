/** Query.search: ranked full-text search, tolerant of case, punctuation and small misspellings. */
import { BadUserInputError } from '../../errors.ts';
import type { QueryResolvers } from '../../generated/graphql.ts';
import { searchEntities, searchWords } from '../../graph/search-entities.ts';
import { checkRange, optionalList } from '../../argument-checks.ts';

const MAX_TEXT = 200;
const MAX_WORDS = 20;

export const search: QueryResolvers['search'] = (_parent, args, { runner }) => {
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
  return searchEntities(runner, words, optionalList('kinds', args.kinds), first);
};

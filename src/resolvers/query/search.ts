/** Query.search: ranked full-text search, tolerant of case, punctuation and small misspellings. */
import type { RequestContext } from '../../context.ts';
import { BadUserInputError } from '../../errors.ts';
import { searchEntities, searchWords } from '../../graph/search-entities.ts';
import type { EntityKind } from '../../model/vocabulary.ts';
import { checkRange, optionalList } from '../arguments.ts';

const MAX_TEXT = 200;
const MAX_WORDS = 20;

export function search(
  _parent: unknown,
  args: { text: string; kinds?: readonly EntityKind[] | null; first?: number | null },
  { runner }: RequestContext,
) {
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
  const first = checkRange('first', args.first ?? 10, 1, 100);
  return searchEntities(runner, words, optionalList('kinds', args.kinds), first);
}

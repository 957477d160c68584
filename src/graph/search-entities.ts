/**
 * Internal: ranked full-text search (the entity_search index over names, aliases and descriptions).
 * The user's text becomes a Lucene query of its words only (no operators pass through): each word matches exactly
 * (boosted), as a prefix, and, from four letters on, with one edit, so small misspellings still find the entity.
 */
import type { QueryRunner } from '../db/query-runner.ts';
import type { EntityKind } from '../model/vocabulary.ts';
import { fieldsColumn, toPlannedRows, type FieldsColumn, type PlannedField, type Statement } from './planned-fields.ts';
import { toEntityRow, type EntityRow } from './rows.ts';

/**
 * Takes: $query (Lucene), $kinds (or null), $first. Returns: the best hits by score. Ordering by score alone lets
 * the top-k read only the hits it keeps (a tie-break on the name would read the name of every hit, tens of
 * thousands for a common word in a large graph); searchEntities breaks ties by name among those returned.
 */
const SEARCH = searchStatement([]).text;

/** SEARCH with the typed relationship fields planned on each hit (./planned-fields.ts), read for the hits kept. */
function searchStatement(fields: readonly PlannedField[]): Statement {
  const column = fieldsColumn(fields, 'node');
  return {
    text: `
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WHERE $kinds IS NULL OR node.kind IN $kinds
WITH node, score
ORDER BY score DESC
LIMIT toInteger($first)
RETURN properties(node) AS props, score${column.text}`,
    params: column.params,
  };
}

/** The words of `text` (letters and digits), lowercased; empty when it has none. */
export function searchWords(text: string): string[] {
  return (
    text
      // NFKC only: the index keeps accents and Hangul syllables as written, so the query must too.
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Words too common to say anything about an entity; dropped unless nothing else is left. */
const STOP_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/** The word and its simple English singular or plural, so "semiconductor" matches "Semiconductors" exactly. */
function wordForms(word: string): string[] {
  if (word.length < 4) return [word];
  if (word.endsWith('ies')) return [word, `${word.slice(0, -3)}y`];
  if (word.endsWith('s')) return [word, word.slice(0, -1)];
  if (word.endsWith('y')) return [word, `${word.slice(0, -1)}ies`];
  return [word, `${word}s`];
}

/**
 * The words worth matching: not stop words, not single letters (the "s" of "IBM's"). Words written apart by
 * punctuation also count joined ("t.s.m.c" -> "tsmc"), so acronyms and split names are found.
 */
function meaningfulWords(words: readonly string[]): readonly string[] {
  const meaningful = words.filter((w) => w.length > 1 && !STOP_WORDS.has(w));
  const joined = words.length > 1 ? [words.join('')] : [];
  const result = [...meaningful, ...joined];
  return result.length > 0 ? result : words;
}

/**
 * Each word matches exactly (in either number), as a prefix, and from four letters on with one edit. Names weigh
 * most, then aliases, then descriptions.
 */
export function toLuceneQuery(words: readonly string[]): string {
  const terms = meaningfulWords(words)
    .flatMap((w) => [...wordForms(w).map((form) => `${form}^4`), `${w}*^2`, ...(w.length >= 4 ? [`${w}~1`] : [])])
    .join(' OR ');
  return `name:(${terms})^4 OR aliasText:(${terms})^3 OR description:(${terms})`;
}

/** A name reduced for the exact-match test: its meaningful words, joined. */
function comparable(words: readonly string[]): string {
  return words.filter((w) => !STOP_WORDS.has(w)).join('');
}

/** Lucene candidates fetched beyond `first`, so the exact-name boost can lift an entity from below the cut. */
const EXTRA_CANDIDATES = 20;

/**
 * Hits by relevance. An entity whose name or one of whose aliases is exactly the text (ignoring case, punctuation
 * and stop words) always ranks above every other hit: its score is raised by the best Lucene score among the
 * candidates, so "IPEF" gives the framework before the IPEF ministerial meeting and "LSTC" the centre before its
 * pilot line. Among exact matches, and among the rest, Lucene's score decides, then the name.
 */
export async function searchEntities(
  runner: QueryRunner,
  words: readonly string[],
  kinds: readonly EntityKind[] | null,
  first: number,
  fields: readonly PlannedField[] = [],
): Promise<Array<{ score: number; entity: EntityRow }>> {
  const statement = fields.length === 0 ? { text: SEARCH, params: {} } : searchStatement(fields);
  const rows = await runner.read<{ props: Record<string, unknown>; score: number; fields?: FieldsColumn }>(
    'search',
    statement.text,
    { query: toLuceneQuery(words), kinds, first: first + EXTRA_CANDIDATES, ...statement.params },
  );
  const wanted = comparable(words);
  const isExact = (entity: EntityRow) =>
    [entity.name, ...entity.aliases].some((name) => comparable(searchWords(name)) === wanted);
  const best = rows.reduce((max, r) => Math.max(max, r.score), 0);
  return rows
    .map((r) => {
      const entity = toEntityRow(r.props);
      if (fields.length > 0) entity.planned = toPlannedRows(entity, r.fields, fields);
      return { score: isExact(entity) ? r.score + best : r.score, entity };
    })
    .sort((a, b) => b.score - a.score || a.entity.name.localeCompare(b.entity.name))
    .slice(0, first);
}

/** The source-text index the loader checks citations against: headings, sections, tables and their rows. */
import { describe, expect, it } from 'vitest';
import { indexSourceText, normalizeWhitespace } from '../../src/store/source-text-index.ts';

const TEXT = [
  '# A Paper',
  '',
  '## 1) Semiconductors ##',
  'Some   text',
  'over two lines.',
  '',
  '**Table 1. Approved plans (June 2023)**',
  '',
  '1\tRenesas\tMCU',
  '2\tIbiden\tFC-BGA',
  'Source: METI Website',
  '3\tnot a row: the table ended',
  '### 2) EV Battery',
].join('\n');

describe('indexSourceText', () => {
  const index = indexSourceText(TEXT);

  it('finds headings without their #s, in order, with levels', () => {
    expect(index.sections).toEqual([
      { heading: 'A Paper', level: 1 },
      { heading: '1) Semiconductors', level: 2 },
      { heading: '2) EV Battery', level: 3 },
    ]);
    expect([...index.headings]).toEqual(['A Paper', '1) Semiconductors', '2) EV Battery']);
  });

  it('reads a table under its caption, row by row, until the first other line', () => {
    expect([...(index.tables.get('Table 1') ?? new Map()).entries()]).toEqual([
      [1, '1 Renesas MCU'],
      [2, '2 Ibiden FC-BGA'],
    ]);
  });

  it('folds white space in the text', () => {
    expect(index.normalizedText).toContain('Some text over two lines.');
    expect(normalizeWhitespace('  a\t\tb\n\nc ')).toBe('a b c');
  });
});

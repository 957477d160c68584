/**
 * Internal: what citations are checked against in a source document (Markdown): its text with white space
 * folded, its headings, and its tables' rows.
 *
 * A table is a bold caption line `**Table N. ...**` followed by rows that start with their number and a tab.
 */
export interface SourceTextIndex {
  /** The text with every run of white space (line breaks, tabs, blank lines) folded to one space. */
  normalizedText: string;
  /** Heading texts without the leading #s, e.g. "1) Semiconductors". */
  headings: Set<string>;
  /** Every heading in document order, with its level (the number of #s). */
  sections: Array<{ heading: string; level: number }>;
  /** "Table 1" -> row number -> the row's text, white space folded. */
  tables: Map<string, Map<number, string>>;
}

export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function indexSourceText(text: string): SourceTextIndex {
  const headings = new Set<string>();
  const sections: SourceTextIndex['sections'] = [];
  const tables = new Map<string, Map<number, string>>();
  let currentTable: Map<number, string> | undefined;

  for (const line of text.split('\n')) {
    const heading = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading?.[1] && heading[2]) {
      headings.add(heading[2]);
      sections.push({ heading: heading[2], level: heading[1].length });
      currentTable = undefined;
      continue;
    }
    const caption = /^\*\*(Table \d+)\.[^*]*\*\*\s*$/.exec(line.trim());
    if (caption?.[1]) {
      currentTable = new Map();
      tables.set(caption[1], currentTable);
      continue;
    }
    const row = /^(\d+)\t/.exec(line);
    if (currentTable && row?.[1]) {
      currentTable.set(Number(row[1]), normalizeWhitespace(line));
    } else if (currentTable && currentTable.size > 0 && line.trim() !== '') {
      currentTable = undefined; // the first other line after the rows ends the table
    }
  }
  return { normalizedText: normalizeWhitespace(text), headings, sections, tables };
}

/**
 * Internal: reads YAML data files and checks each one's shape against the data-file schema.
 * Problems carry the file and line; nothing here touches the database.
 *
 * Memory: a parsed file keeps its data and the line of each record, not the YAML syntax tree (about six times the
 * data's size), so a load of many large files (a dump's restore) holds the data once. The line of any other path
 * (asked only to describe a problem) is found by parsing the file again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { createDataFileSchemas, dataFileSchema, type DataFile } from '../model/data-file-schema.ts';
import { curationFileSchema, isCurationFile, type CurationFile } from './curation-file.ts';
import type { LoadOptions } from './load-options.ts';
import type { DataProblem } from './data-problem.ts';

export interface ParsedDataFile {
  /** Path as given (for messages). */
  file: string;
  data: DataFile;
  /**
   * A curation file's section (src/store/curation-file.ts): curated facts and audit entries. Such a file states no
   * document, entity or relationship: its `data` is empty, with the document id ''.
   */
  curation?: CurationFile;
  /** The 1-based line of the node at a path inside the file, e.g. ['entities', 3, 'sources', 0]. */
  lineOf(fieldPath: ReadonlyArray<string | number>): number | undefined;
}

export function readDataFiles(
  files: readonly string[],
  { cwd = process.cwd(), vocabulary }: LoadOptions = {},
): { parsed: ParsedDataFile[]; problems: DataProblem[] } {
  const schema = vocabulary ? createDataFileSchemas(vocabulary).dataFileSchema : dataFileSchema;
  const parsed: ParsedDataFile[] = [];
  const problems: DataProblem[] = [];
  for (const file of files) {
    const shown = path.relative(cwd, path.resolve(cwd, file)) || file;
    let text: string;
    try {
      text = readFileSync(path.resolve(cwd, file), 'utf8');
    } catch (error) {
      problems.push({ file: shown, message: `cannot be read: ${(error as Error).message}` });
      continue;
    }
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        problems.push({
          file: shown,
          line: error.linePos?.[0].line,
          message: `is not valid YAML: ${error.message.split('\n')[0]}`,
        });
      }
      continue;
    }
    const value: unknown = doc.toJS();
    const lineOf = recordLines(doc, lineCounter, path.resolve(cwd, file));
    if (isCurationFile(value)) {
      const curation = curationFileSchema.safeParse(value);
      if (!curation.success) {
        for (const issue of curation.error.issues) {
          problems.push(describeIssue(shown, doc, lineOf, issue.path as Array<string | number>, issue.message));
        }
        continue;
      }
      parsed.push({
        file: shown,
        data: { document: '', entities: [], relationships: [] },
        curation: curation.data,
        lineOf,
      });
      continue;
    }
    const result = schema.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push(describeIssue(shown, doc, lineOf, issue.path as Array<string | number>, issue.message));
      }
      continue;
    }
    parsed.push({ file: shown, data: result.data, lineOf });
  }
  return { parsed, problems };
}

const RECORD_SECTIONS = ['entities', 'relationships', 'curatedFacts', 'auditEntries'];

/**
 * `lineOf` for a parsed file: the line of each record (`[section, index]`, asked for every record) kept as numbers;
 * any other path's line from the file parsed again on first need (only problems ask for them).
 */
function recordLines(doc: Document, lineCounter: LineCounter, file: string): ParsedDataFile['lineOf'] {
  const lines = new Map<string, number[]>();
  for (const section of RECORD_SECTIONS) {
    const items = (doc.get(section, true) as { items?: Array<{ range?: [number, number, number] }> } | undefined)
      ?.items;
    if (!Array.isArray(items)) continue;
    lines.set(
      section,
      items.map((item) => (item.range ? lineCounter.linePos(item.range[0]).line : 0)),
    );
  }
  let reparsed: { doc: Document; lineCounter: LineCounter } | undefined;
  return (fieldPath) => {
    const [section, index] = fieldPath;
    if (fieldPath.length === 2 && typeof section === 'string' && typeof index === 'number') {
      const line = lines.get(section)?.[index];
      if (line !== undefined && line > 0) return line;
    }
    if (reparsed === undefined) {
      const counter = new LineCounter();
      reparsed = { doc: parseDocument(readFileSync(file, 'utf8'), { lineCounter: counter }), lineCounter: counter };
    }
    return lineOfPath(reparsed.doc, reparsed.lineCounter, fieldPath);
  };
}

/** The nearest node that exists on the way down `fieldPath` gives the line. */
function lineOfPath(
  doc: Document,
  lineCounter: LineCounter,
  fieldPath: ReadonlyArray<string | number>,
): number | undefined {
  for (let depth = fieldPath.length; depth >= 0; depth -= 1) {
    const node = doc.getIn(fieldPath.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

function describeIssue(
  file: string,
  doc: Document,
  lineOf: ParsedDataFile['lineOf'],
  issuePath: Array<string | number>,
  message: string,
): DataProblem {
  const [section, index, ...rest] = issuePath;
  if ((section === 'entities' || section === 'relationships') && typeof index === 'number') {
    return { file, line: lineOf(issuePath), subject: subjectOf(doc, section, index), field: fieldName(rest), message };
  }
  return { file, line: lineOf(issuePath), field: fieldName(issuePath), message };
}

function subjectOf(doc: Document | DataFile, section: 'entities' | 'relationships', index: number): string {
  const raw = 'getIn' in doc ? doc.getIn([section, index]) : doc[section][index];
  const item = (raw && typeof raw === 'object' && 'toJSON' in raw ? (raw as { toJSON(): unknown }).toJSON() : raw) as
    Record<string, unknown> | undefined;
  if (section === 'entities') return `entity ${String(item?.['id'] ?? `#${index + 1}`)}`;
  return `relationship ${String(item?.['type'] ?? '?')} ${String(item?.['from'] ?? '?')} -> ${String(item?.['to'] ?? '?')}`;
}

function fieldName(fieldPath: ReadonlyArray<string | number>): string | undefined {
  if (fieldPath.length === 0) return undefined;
  return fieldPath.reduce<string>(
    (name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part),
    '',
  );
}

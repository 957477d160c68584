/**
 * Public contract of `npm run dump -- DIR`: writes the whole graph into DIR as data files that `npm run seed` (or
 * `npm run import`) reads back into the same graph:
 *
 *   DIR/<document-id>/document.yaml         the document (title, author, ...), its text beside it:
 *   DIR/<document-id>/document.md           the text, from which a load derives the sections again
 *   DIR/<document-id>/entities-NNNNN.yaml   the entities the document defines, with properties and citations
 *   DIR/<document-id>/relationships-NNNNN.yaml
 *   DIR/curation/curated-facts-NNNNN.yaml   the CuratedFact registry (src/store/curation-file.ts)
 *   DIR/curation/audit-entries-NNNNN.yaml   the audit log of curated writes
 *
 * The graph is read in pages (src/graph/dump-graph.ts) and each page appended to its file, so memory is bounded by
 * a page whatever the graph's size; a file holds at most `recordsPerFile` records. Every file is written under a
 * temporary name (not ending in .yaml, so no load picks it up), and all are renamed into place once the whole graph
 * is written: an interrupted dump leaves no data file, rather than a part of the graph that would load as if whole.
 */
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { QueryRunner } from '../db/query-runner.ts';
import {
  auditEntryPages,
  curatedFactPages,
  documentPages,
  entityPages,
  relationshipPages,
  type DumpedRelationship,
} from '../graph/dump-graph.ts';

export interface DumpOptions {
  /** Records read per statement. */
  pageSize?: number;
  /** Records per data file. */
  recordsPerFile?: number;
  /** Write into a non-empty DIR, replacing the data files (*.yaml) in it. */
  force?: boolean;
}

export interface DumpSummary {
  documents: number;
  entities: number;
  relationships: number;
  curatedFacts: number;
  auditEntries: number;
  files: number;
  bytes: number;
}

/** DIR cannot take a dump (not empty without `force`, or a stored id that cannot name a folder). */
export class DumpError extends Error {
  override name = 'DumpError';
}

const DOCUMENT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CORPUS_FILE = 'document.md';

type Props = Record<string, unknown>;

export async function dumpGraph(runner: QueryRunner, dir: string, options: DumpOptions = {}): Promise<DumpSummary> {
  const { pageSize = 2000, recordsPerFile = 10_000, force = false } = options;
  prepareDirectory(dir, force);
  const output = new DumpOutput(dir, recordsPerFile);
  const summary: DumpSummary = {
    documents: 0,
    entities: 0,
    relationships: 0,
    curatedFacts: 0,
    auditEntries: 0,
    files: 0,
    bytes: 0,
  };

  try {
    // Documents carry their whole text: a few per page.
    for await (const page of documentPages(runner, Math.max(1, Math.floor(pageSize / 200)))) {
      for (const props of page) {
        const id = folderName(props['id']);
        output.writeWhole(path.join(id, CORPUS_FILE), String(props['text'] ?? ''));
        output.writeWhole(path.join(id, 'document.yaml'), stringify({ document: documentRecord(props) }, YAML));
        summary.documents += 1;
      }
    }
    for await (const page of entityPages(runner, pageSize)) {
      for (const props of page) {
        output.append(folderName(props['documentId']), 'entities', entityRecord(props));
        summary.entities += 1;
      }
    }
    output.closeAll();
    for await (const page of relationshipPages(runner, pageSize)) {
      for (const row of page) {
        output.append(folderName(row.props['documentId']), 'relationships', relationshipRecord(row));
        summary.relationships += 1;
      }
    }
    output.closeAll();
    for await (const page of curatedFactPages(runner, pageSize)) {
      for (const props of page) {
        output.append('curation', 'curatedFacts', curatedFactRecord(props));
        summary.curatedFacts += 1;
      }
    }
    for await (const page of auditEntryPages(runner, pageSize)) {
      for (const props of page) {
        output.append('curation', 'auditEntries', auditEntryRecord(props));
        summary.auditEntries += 1;
      }
    }
    output.closeAll();
  } catch (error) {
    output.abandon();
    throw error;
  }
  output.commit();
  return { ...summary, files: output.files, bytes: output.bytes };
}

const YAML = { lineWidth: 0 } as const;

/** An empty DIR, or with `force` one whose data files (which a load would read) and unfinished files are gone. */
function prepareDirectory(dir: string, force: boolean): void {
  mkdirSync(dir, { recursive: true });
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  if (entries.length === 0) return;
  if (!force) {
    throw new DumpError(`${dir} is not empty; dump into an empty folder, or give --force to replace its data files`);
  }
  for (const entry of entries) {
    if (entry.isFile() && (/\.ya?ml$/.test(entry.name) || TEMPORARY.test(entry.name))) {
      rmSync(path.join(entry.parentPath, entry.name));
    }
  }
}

/** A document id as a folder name: held to the document id pattern, so it never leaves DIR. */
function folderName(id: unknown): string {
  if (typeof id !== 'string' || !DOCUMENT_ID.test(id)) {
    throw new DumpError(`stored document id ${JSON.stringify(id)} is not a lowercase slug; it cannot name a folder`);
  }
  return id;
}

function documentRecord(props: Props): Props {
  const record: Props = { id: props['id'], title: props['title'] };
  for (const key of ['author', 'publisher', 'date', 'url', 'license']) {
    if (props[key] !== undefined && props[key] !== null) record[key] = props[key];
  }
  record['corpus'] = CORPUS_FILE;
  return record;
}

/** The data file's own properties: the keys it gave (`propertyKeys`), not the writer's. */
function ownProperties(props: Props): Props | undefined {
  const keys = (props['propertyKeys'] as string[] | undefined) ?? [];
  const own = Object.fromEntries(
    keys.filter((k) => props[k] !== undefined && props[k] !== null).map((k) => [k, props[k]]),
  );
  return Object.keys(own).length > 0 ? own : undefined;
}

function entityRecord(props: Props): Props {
  const aliases = (props['aliases'] as string[] | undefined) ?? [];
  return withoutEmpty({
    id: props['id'],
    kind: props['kind'],
    name: props['name'],
    aliases: aliases.length > 0 ? aliases : undefined,
    description: props['description'],
    properties: ownProperties(props),
    note: props['note'],
    sources: JSON.parse(String(props['sourcesJson'] ?? '[]')) as unknown,
  });
}

function relationshipRecord(row: DumpedRelationship): Props {
  const key = row.props['key'];
  return withoutEmpty({
    type: row.type,
    from: row.source,
    to: row.target,
    key: typeof key === 'string' && key !== '' ? key : undefined,
    properties: ownProperties(row.props),
    note: row.props['note'],
    sources: JSON.parse(String(row.props['sourcesJson'] ?? '[]')) as unknown,
  });
}

function curatedFactRecord(props: Props): Props {
  return {
    id: props['id'],
    subject: props['subject'],
    state: props['state'],
    curatedBy: props['curatedBy'],
    curatedAt: props['curatedAt'],
  };
}

function auditEntryRecord(props: Props): Props {
  return withoutEmpty({
    id: props['id'],
    at: props['at'],
    curator: props['curator'],
    action: props['action'],
    input: JSON.parse(String(props['inputJson'] ?? '{}')) as unknown,
    touched: props['touched'] ?? [],
    idempotencyKey: props['idempotencyKey'],
    requestDigest: props['requestDigest'],
    graphVersion: props['graphVersion'],
  });
}

function withoutEmpty(record: Props): Props {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== null));
}

/** The section a record goes to, and the file name prefix of its files. */
const SECTIONS = {
  entities: 'entities',
  relationships: 'relationships',
  curatedFacts: 'curated-facts',
  auditEntries: 'audit-entries',
} as const;
type Section = keyof typeof SECTIONS;

interface OpenFile {
  fd: number;
  temporary: string;
  final: string;
  records: number;
  /** How many files of this folder and section were opened so far. */
  ordinal: number;
}

/**
 * The files being written: one open file per folder and section, closed when full; every file keeps its temporary
 * name until `commit`.
 */
class DumpOutput {
  files = 0;
  bytes = 0;
  private readonly written: Array<{ temporary: string; final: string }> = [];
  private readonly open = new Map<string, OpenFile>();
  private readonly ordinals = new Map<string, number>();

  constructor(
    private readonly dir: string,
    private readonly recordsPerFile: number,
  ) {}

  /** Writes a whole file at once (temporary name, then rename). */
  writeWhole(relative: string, text: string): void {
    const final = path.join(this.dir, relative);
    mkdirSync(path.dirname(final), { recursive: true });
    const temporary = temporaryName(final);
    const fd = openSync(temporary, 'w');
    try {
      this.bytes += writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    this.written.push({ temporary, final });
    this.files += 1;
  }

  /** Appends one record to the folder's current file of the section; data files name their document. */
  append(folder: string, section: Section, record: Props): void {
    const slot = `${folder}\n${section}`;
    let file = this.open.get(slot);
    if (file === undefined) {
      const ordinal = (this.ordinals.get(slot) ?? 0) + 1;
      this.ordinals.set(slot, ordinal);
      const final = path.join(this.dir, folder, `${SECTIONS[section]}-${String(ordinal).padStart(5, '0')}.yaml`);
      mkdirSync(path.dirname(final), { recursive: true });
      const temporary = temporaryName(final);
      file = { fd: openSync(temporary, 'w'), temporary, final, records: 0, ordinal };
      this.open.set(slot, file);
      const header = section === 'curatedFacts' || section === 'auditEntries' ? '' : `document: ${folder}\n`;
      this.bytes += writeSync(file.fd, `${header}${section}:\n`);
    }
    this.bytes += writeSync(file.fd, stringify([record], YAML));
    file.records += 1;
    if (file.records >= this.recordsPerFile) this.close(slot, file);
  }

  closeAll(): void {
    for (const [slot, file] of this.open) this.close(slot, file);
  }

  /** After a failure: closes what is open and removes every file written so far. */
  abandon(): void {
    for (const file of this.open.values()) {
      closeSync(file.fd);
      this.written.push({ temporary: file.temporary, final: file.final });
    }
    this.open.clear();
    for (const { temporary } of this.written) rmSync(temporary, { force: true });
  }

  /** Gives every written file its name (each rename is atomic). */
  commit(): void {
    for (const { temporary, final } of this.written) renameSync(temporary, final);
  }

  private close(slot: string, file: OpenFile): void {
    closeSync(file.fd);
    this.written.push({ temporary: file.temporary, final: file.final });
    this.open.delete(slot);
    this.files += 1;
  }
}

/** Beside the file, in the same folder (so the rename is atomic), and not ending in .yaml. */
function temporaryName(final: string): string {
  return path.join(path.dirname(final), `.${path.basename(final)}.tmp-${process.pid}`);
}

const TEMPORARY = /^\..+\.tmp-\d+$/;

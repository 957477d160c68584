/**
 * Internal: the checks that need the whole load and the source texts, after each file's shape has passed.
 *
 * Contract: returns the graph to write only when there is no problem at all; otherwise every problem found,
 * each naming file, line, entity or relationship, and field. Ids that the load does not define may already be in
 * the database (`existing`), as when a user imports a further document that links to our entities.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Citation, DocumentRecord } from '../model/data-file-schema.ts';
import { relationshipId } from '../model/identity.ts';
import type { EntityToStore, RelationshipToStore } from '../model/stored-properties.ts';
import { VOCABULARY, type EntityKind } from '../model/vocabulary.ts';
import type { AuditEntryRecord, CuratedFactRecord } from './curation-file.ts';
import type { LoadOptions } from './load-options.ts';
import type { DataProblem } from './data-problem.ts';
import type { ParsedDataFile } from './read-data-files.ts';
import { indexSourceText, normalizeWhitespace, type SourceTextIndex } from './source-text-index.ts';

export interface ExistingGraph {
  /** Entities already in the database, by id: their kind and the document that defines them. */
  entities: Map<string, { kind: EntityKind; documentId: string }>;
  /** Documents already in the database, by id: their full text. */
  documents: Map<string, { text: string }>;
}

export interface DocumentToWrite extends Omit<DocumentRecord, 'corpus'> {
  text: string;
}
export type EntityToWrite = EntityToStore;
export type RelationshipToWrite = RelationshipToStore;
/** What curated writes left, as a curation file restores it: the CuratedFact registry and the audit log. */
export interface CurationToWrite {
  /** Each present fact's subject is in the same load (`source`: a relationship's source entity). */
  facts: Array<CuratedFactRecord & { source?: string }>;
  auditEntries: AuditEntryRecord[];
}
export interface GraphData {
  documents: DocumentToWrite[];
  entities: EntityToWrite[];
  relationships: RelationshipToWrite[];
  /** Given when the load has curation files. */
  curation?: CurationToWrite;
}

/** The document a file's citations quote: named by id, or defined in the file. */
function documentIdOf(file: ParsedDataFile): string {
  return typeof file.data.document === 'string' ? file.data.document : file.data.document.id;
}

/** Ids a load refers to without defining them: to be looked up in the database before validating. */
export function referencedOutside(files: readonly ParsedDataFile[]): { entityIds: string[]; documentIds: string[] } {
  const defined = new Set(files.flatMap((f) => f.data.entities.map((e) => e.id)));
  const definedDocuments = new Set(
    files.flatMap((f) => (typeof f.data.document === 'string' ? [] : [documentIdOf(f)])),
  );
  const entityIds = new Set(
    files
      .flatMap((f) => f.data.relationships.flatMap((r) => [r.from, r.to, r.properties['program']]))
      .filter((id): id is string => typeof id === 'string' && !defined.has(id)),
  );
  const documentIds = new Set(
    files
      .filter((f) => f.curation === undefined)
      .map(documentIdOf)
      .filter((id) => !definedDocuments.has(id)),
  );
  return { entityIds: [...entityIds], documentIds: [...documentIds] };
}

export function validateGraphData(
  files: readonly ParsedDataFile[],
  existing: ExistingGraph,
  { cwd = process.cwd(), vocabulary = VOCABULARY }: LoadOptions = {},
): { graph: GraphData; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const documents = new Map<string, DocumentToWrite>();
  const sourceIndexes = new Map<string, SourceTextIndex>();

  // 1. Documents: defined in this load (with their corpus text) or already in the database.
  for (const file of files) {
    const doc = file.data.document;
    if (typeof doc === 'string') continue;
    if (documents.has(doc.id)) {
      problems.push({
        file: file.file,
        line: file.lineOf(['document', 'id']),
        field: 'document.id',
        message: `document "${doc.id}" is defined twice`,
      });
      continue;
    }
    const corpusPath = path.resolve(cwd, path.dirname(file.file), doc.corpus);
    let text: string;
    try {
      text = readFileSync(corpusPath, 'utf8');
    } catch {
      problems.push({
        file: file.file,
        line: file.lineOf(['document', 'corpus']),
        field: 'document.corpus',
        message: `cannot read the document text at ${corpusPath}`,
      });
      continue;
    }
    const { corpus: _corpus, ...metadata } = doc;
    documents.set(doc.id, { ...metadata, text });
    sourceIndexes.set(doc.id, indexSourceText(text));
  }
  for (const [id, { text }] of existing.documents) {
    if (!sourceIndexes.has(id)) sourceIndexes.set(id, indexSourceText(text));
  }
  // 2. Entities: unique ids; not taking over an entity another document defines.
  const entities = new Map<string, EntityToWrite>();
  const entityPlace = new Map<string, string>();
  for (const file of files) {
    if (file.curation !== undefined) continue;
    const documentId = documentIdOf(file);
    if (!sourceIndexes.has(documentId)) {
      problems.push({
        file: file.file,
        line: file.lineOf(['document']),
        field: 'document',
        message: `no document "${documentId}" is defined in this load or stored in the database`,
      });
      continue;
    }
    file.data.entities.forEach((entity, index) => {
      const where = { file: file.file, line: file.lineOf(['entities', index]), subject: `entity ${entity.id}` };
      const earlier = entityPlace.get(entity.id);
      if (earlier !== undefined) {
        problems.push({ ...where, field: 'id', message: `id "${entity.id}" is already defined at ${earlier}` });
        return;
      }
      const stored = existing.entities.get(entity.id);
      if (stored !== undefined && stored.documentId !== documentId) {
        problems.push({
          ...where,
          field: 'id',
          message: `"${entity.id}" is defined by document "${stored.documentId}"; refer to it in relationships instead of defining it again`,
        });
        return;
      }
      entityPlace.set(entity.id, `${file.file}:${where.line ?? '?'}`);
      entities.set(entity.id, { ...entity, documentId });
      checkCitations(problems, file, ['entities', index], where.subject, entity.sources, sourceIndexes.get(documentId));
    });
  }

  // 3. Relationships: both ends exist, the type allows their kinds, no duplicate.
  const relationships: RelationshipToWrite[] = [];
  const relationshipPlace = new Map<string, string>();
  const kindOf = (id: string): EntityKind | undefined => entities.get(id)?.kind ?? existing.entities.get(id)?.kind;
  for (const file of files) {
    const documentId = documentIdOf(file);
    if (!sourceIndexes.has(documentId)) continue;
    file.data.relationships.forEach((rel, index) => {
      const subject = `relationship ${rel.type} ${rel.from} -> ${rel.to}`;
      const line = file.lineOf(['relationships', index]);
      const where = { file: file.file, line, subject };
      // The data-file schema admitted only this vocabulary's types.
      const rule = vocabulary.relationshipTypes[rel.type] ?? { from: [], to: [] };
      let endsOk = true;
      for (const end of ['from', 'to'] as const) {
        const kind = kindOf(rel[end]);
        const allowed: readonly string[] = rule[end];
        if (kind === undefined) {
          problems.push({
            ...where,
            line: file.lineOf(['relationships', index, end]),
            field: end,
            message: `no entity with id "${rel[end]}" in this load or in the database`,
          });
          endsOk = false;
        } else if (!allowed.includes('*') && !allowed.includes(kind)) {
          problems.push({
            ...where,
            line: file.lineOf(['relationships', index, end]),
            field: end,
            message: `${rel.type} cannot ${end === 'from' ? 'start at' : 'end at'} a ${kind} (allowed: ${allowed.join(', ')})`,
          });
          endsOk = false;
        }
      }
      if (rel.from === rel.to) {
        problems.push({ ...where, field: 'to', message: 'a relationship must join two different entities' });
        endsOk = false;
      }
      const key = rel.key ?? '';
      const identity = `${rel.type} ${rel.from} ${rel.to} ${key}`;
      const earlier = relationshipPlace.get(identity);
      if (earlier !== undefined) {
        problems.push({
          ...where,
          field: 'key',
          message: `the same relationship is already defined at ${earlier}; give each a distinct "key" if both are meant`,
        });
        endsOk = false;
      }
      const program = rel.properties['program'];
      if (program !== undefined && kindOf(String(program)) !== 'Program') {
        problems.push({
          ...where,
          line: file.lineOf(['relationships', index, 'properties', 'program']),
          field: 'properties.program',
          message: `must be the id of a Program in this load or in the database, got ${JSON.stringify(program)}`,
        });
        endsOk = false;
      }
      checkCitations(problems, file, ['relationships', index], subject, rel.sources, sourceIndexes.get(documentId));
      if (!endsOk) return;
      relationshipPlace.set(identity, `${file.file}:${line ?? '?'}`);
      relationships.push({ ...rel, key, documentId });
    });
  }

  const graph: GraphData = { documents: [...documents.values()], entities: [...entities.values()], relationships };
  const curation = validateCuration(problems, files, graph);
  return { graph: curation ? { ...graph, curation } : graph, problems };
}

/**
 * 4. Curation files: ids unique across the load; a present fact names an entity or relationship of this load (a
 * curation file restores the curation of the facts it comes with), a removed one a relationship the load does not
 * state; idempotency keys unique.
 */
function validateCuration(
  problems: DataProblem[],
  files: readonly ParsedDataFile[],
  graph: GraphData,
): CurationToWrite | undefined {
  const curationFiles = files.filter((f) => f.curation !== undefined);
  if (curationFiles.length === 0) return undefined;
  const entityIds = new Set(graph.entities.map((e) => e.id));
  const sourceOf = new Map(
    graph.relationships.map((r) => [
      relationshipId({ type: r.type, source: r.from, target: r.to, key: r.key }),
      r.from,
    ]),
  );
  const curation: CurationToWrite = { facts: [], auditEntries: [] };
  const factPlace = new Map<string, string>();
  const entryPlace = new Map<string, string>();
  const keyPlace = new Map<string, string>();
  for (const file of curationFiles) {
    file.curation?.curatedFacts.forEach((fact, index) => {
      const line = file.lineOf(['curatedFacts', index]);
      const where = { file: file.file, line, subject: `curated fact ${fact.id}` };
      const earlier = factPlace.get(fact.id);
      if (earlier !== undefined) {
        problems.push({ ...where, field: 'id', message: `curated fact "${fact.id}" is already listed at ${earlier}` });
        return;
      }
      factPlace.set(fact.id, `${file.file}:${line ?? '?'}`);
      const stated = fact.subject === 'entity' ? entityIds.has(fact.id) : sourceOf.has(fact.id);
      if (fact.state === 'present' && !stated) {
        problems.push({
          ...where,
          field: 'id',
          message: `no ${fact.subject} "${fact.id}" in this load; a curated fact names one the load states`,
        });
        return;
      }
      if (fact.state === 'removed' && (fact.subject !== 'relationship' || stated)) {
        problems.push({
          ...where,
          field: 'state',
          message: `"removed" is for a relationship a curator unlinked, which the load must not state`,
        });
        return;
      }
      const source = sourceOf.get(fact.id);
      curation.facts.push(fact.subject === 'relationship' && source !== undefined ? { ...fact, source } : fact);
    });
    file.curation?.auditEntries.forEach((entry, index) => {
      const line = file.lineOf(['auditEntries', index]);
      const where = { file: file.file, line, subject: `audit entry ${entry.id}` };
      const earlier = entryPlace.get(entry.id);
      if (earlier !== undefined) {
        problems.push({ ...where, field: 'id', message: `audit entry "${entry.id}" is already listed at ${earlier}` });
        return;
      }
      entryPlace.set(entry.id, `${file.file}:${line ?? '?'}`);
      if (entry.idempotencyKey !== undefined) {
        const keyEarlier = keyPlace.get(entry.idempotencyKey);
        if (keyEarlier !== undefined) {
          problems.push({
            ...where,
            field: 'idempotencyKey',
            message: `idempotency key "${entry.idempotencyKey}" is already used at ${keyEarlier}`,
          });
          return;
        }
        keyPlace.set(entry.idempotencyKey, `${file.file}:${line ?? '?'}`);
      }
      curation.auditEntries.push(entry);
    });
  }
  return curation;
}

function checkCitations(
  problems: DataProblem[],
  file: ParsedDataFile,
  itemPath: Array<string | number>,
  subject: string,
  sources: readonly Citation[],
  source: SourceTextIndex | undefined,
): void {
  if (source === undefined) return;
  sources.forEach((citation, i) => {
    const at = (field: keyof Citation) => ({
      file: file.file,
      line: file.lineOf([...itemPath, 'sources', i, field]),
      subject,
      field: `sources[${i}].${field}`,
    });
    if (!source.headings.has(citation.section)) {
      problems.push({ ...at('section'), message: `"${citation.section}" is not a heading of the document` });
    }
    const quote = normalizeWhitespace(citation.quote);
    if (citation.table !== undefined || citation.row !== undefined) {
      const table = citation.table === undefined ? undefined : source.tables.get(citation.table);
      if (table === undefined) {
        problems.push({
          ...at('table'),
          message: `a row citation needs "table" naming one of the document's tables (${[...source.tables.keys()].join(', ') || 'none'})`,
        });
        return;
      }
      const row = citation.row === undefined ? undefined : table.get(citation.row);
      if (row === undefined) {
        problems.push({
          ...at('row'),
          message: `${citation.table} has rows 1 to ${table.size}; got ${String(citation.row)}`,
        });
        return;
      }
      if (!row.includes(quote)) {
        problems.push({
          ...at('quote'),
          message: `does not occur in ${citation.table} row ${citation.row}, which reads "${row}"`,
        });
      }
      return;
    }
    if (!source.normalizedText.includes(quote)) {
      problems.push({
        ...at('quote'),
        message: `does not occur verbatim in the document: "${citation.quote.slice(0, 120)}"`,
      });
    }
  });
}

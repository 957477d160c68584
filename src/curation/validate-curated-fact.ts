/**
 * Internal: validates a curated entity or relationship exactly as the seed validates a data file, by running the
 * seed's own checks on it: its shape (src/model/data-file-schema.ts: id pattern, kind, property types), then
 * src/store/validate-graph-data.ts against the stored graph (the cited document exists, the section is one of its
 * headings, the quote occurs verbatim or in the cited table row, both ends exist and the type allows their kinds).
 *
 * Contract: returns the graph data to write (in write-graph's format), or throws BAD_USER_INPUT naming the first
 * bad field as a mutation argument path (`input.citation.quote`, `input.from`, `input.properties.amount`).
 */
import type { Transaction } from '../db/query-runner.ts';
import { BadUserInputError } from '../errors.ts';
import { createDataFileSchemas, type Citation } from '../model/data-file-schema.ts';
import type { Vocabulary } from '../model/vocabulary.ts';
import type { DataProblem } from '../store/data-problem.ts';
import { readExistingGraph } from '../store/existing-graph.ts';
import type { ParsedDataFile } from '../store/read-data-files.ts';
import { validateGraphData, type GraphData } from '../store/validate-graph-data.ts';
import { getOrCreate } from '../get-or-create.ts';

/** The citation as a mutation takes it: the document it quotes, and the data files' citation fields. */
export interface CitationInput {
  documentId: string;
  section: string;
  table?: string | null;
  row?: number | null;
  quote: string;
}

/** The data-file schemas of each knowledge model served (one per server, so built once). */
const schemasByVocabulary = new WeakMap<Vocabulary, ReturnType<typeof createDataFileSchemas>>();

function schemasOf(vocabulary: Vocabulary): ReturnType<typeof createDataFileSchemas> {
  return getOrCreate(schemasByVocabulary, vocabulary, createDataFileSchemas);
}

/** The citation in the data files' form (the document is the file's). */
export function toCitation(input: CitationInput): Citation {
  return withoutNulls({ section: input.section, table: input.table, row: input.row, quote: input.quote }) as Citation;
}

/** Drops null and undefined fields (GraphQL's "not given"), which the data-file schema reads as absent. */
export function withoutNulls<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

/**
 * Validates one entity or one relationship in data-file form (with the new citation as its only source), cited in
 * `documentId`, against `vocabulary` (the request's knowledge model). `refers` lists the stored ids the fact relies
 * on (its own, its ends, a program).
 */
export async function validateCuratedFact(
  tx: Transaction,
  fact: { entity: Record<string, unknown> } | { relationship: Record<string, unknown> },
  documentId: string,
  refers: string[],
  vocabulary: Vocabulary,
): Promise<GraphData> {
  const { entitySchema, relationshipSchema } = schemasOf(vocabulary);
  const shape =
    'entity' in fact ? entitySchema.safeParse(fact.entity) : relationshipSchema.safeParse(fact.relationship);
  if (!shape.success) {
    const issue = shape.error.issues[0];
    const field = (issue?.path ?? []).map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    const argument = argumentOf(field.replace(/^\./, ''));
    throw new BadUserInputError(argument, `${argument}: ${issue?.message ?? 'invalid'}`);
  }
  const existing = await readExistingGraph(tx, refers, [documentId]);
  const data =
    'entity' in fact ? { entities: [shape.data], relationships: [] } : { entities: [], relationships: [shape.data] };
  const file: ParsedDataFile = {
    file: 'input',
    data: { document: documentId, ...data } as ParsedDataFile['data'],
    lineOf: () => undefined,
  };
  const { graph, problems } = validateGraphData([file], existing, { vocabulary });
  const [problem] = problems;
  if (problem !== undefined) throw problemError(problem);
  return graph;
}

function problemError(problem: DataProblem): BadUserInputError {
  const argument = argumentOf(problem.field ?? '');
  return new BadUserInputError(argument, `${argument}: ${problem.message}`);
}

/** A data-file field path as the mutation argument it came from. */
function argumentOf(field: string): string {
  if (field === '') return 'input';
  if (field === 'document') return 'input.citation.documentId';
  if (/^sources(\[\d+\])?$/.test(field)) return 'input.citation';
  return `input.${field.replace(/^sources\[\d+\]\./, 'citation.')}`;
}

/**
 * Internal: what validation needs to know of the stored graph before a write (src/store/validate-graph-data.ts):
 * the kind and document of the entities a write defines or refers to, and the text of the documents it cites. A
 * seed reads it before its write transaction; a curated write reads it inside its own.
 */
import type { Transaction } from '../db/query-runner.ts';
import type { EntityKind } from '../model/vocabulary.ts';
import type { ExistingGraph } from './validate-graph-data.ts';

/** Takes: $entityIds, $documentIds. Returns the stored entities and documents among them. */
const READ_EXISTING_GRAPH = `
CALL () {
  MATCH (n:Entity) WHERE n.id IN $entityIds
  RETURN collect({id: n.id, kind: n.kind, documentId: n.documentId}) AS entities
}
CALL () {
  MATCH (d:Document) WHERE d.id IN $documentIds
  RETURN collect({id: d.id, text: d.text}) AS documents
}
RETURN entities, documents`;

/** `tx`: a write's transaction, or anything that runs a statement as one (a read by the query runner). */
export async function readExistingGraph(
  tx: Pick<Transaction, 'run'>,
  entityIds: readonly string[],
  documentIds: readonly string[],
): Promise<ExistingGraph> {
  const [row] = await tx.run<{
    entities: Array<{ id: string; kind: EntityKind; documentId: string }>;
    documents: Array<{ id: string; text: string }>;
  }>(READ_EXISTING_GRAPH, { entityIds, documentIds });
  return {
    entities: new Map((row?.entities ?? []).map((e) => [e.id, { kind: e.kind, documentId: e.documentId }])),
    documents: new Map((row?.documents ?? []).map((d) => [d.id, { text: d.text }])),
  };
}

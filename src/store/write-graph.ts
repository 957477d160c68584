/**
 * Internal: writes validated graph data in one write transaction: records new to the database (an entity or
 * document not stored, a relationship with an end this load creates) with the bulk writer (create-graph.ts,
 * CREATE), the rest with parameterised, batched MERGE by id. Both store the same graph for the same data.
 *
 * What it stores: a Document node per document (with its text) and a Section node per heading of that text; an
 * Entity node per entity (plus its kind's label) and a relationship per relationship, with the properties of
 * src/model/stored-properties.ts (their citations in `sourcesJson`, the one home of citations); and, derived from
 * the same sources by the same writer, a Citation node per citation (document, section, table, row, quote, and
 * the entity or relationship it supports), indexed so that "what does Table 1 support" is an index seek
 * (src/graph/facts.ts).
 *
 * Idempotent: running it again with the same data leaves the same nodes, relationships and properties.
 * Documents this load defines are replaced in full: their entities, relationships, sections and citations that
 * the load no longer contains are removed, so editing or renaming something in a data file never leaves a stale
 * copy behind.
 *
 * The batch writers (writeDocuments, writeEntities, writeRelationships) store exactly what a load stores, each
 * with its citations, and never remove anything: the synthetic-graph generator (src/generate/load-generated-graph.ts)
 * runs them one transaction per batch when its records may be stored already. A large load new to the database
 * is written in batches by write-graph-in-batches.ts.
 *
 * Curated facts (src/curation/) are the curator's, not the load's: an entity or relationship whose id is in the
 * CuratedFact registry (created, changed or removed by a curated write) is neither written, nor removed as stale,
 * nor re-created, and its citations stay; the summary lists the ones the load would have written (`keptCurated`).
 * Curated writes (src/curation/) call the batch writers directly, so they are never filtered.
 */
import type { Transaction } from '../db/query-runner.ts';
import { citationId, relationshipId } from '../model/identity.ts';
import { VOCABULARY, type Vocabulary } from '../model/vocabulary.ts';
import type { DocumentToWrite, EntityToWrite, GraphData, RelationshipToWrite } from './validate-graph-data.ts';
import { getOrCreate } from '../get-or-create.ts';
import { createDocuments, createEntities, createRelationships } from './create-graph.ts';
import {
  batches,
  entityCitationRows,
  entityRow,
  groupBy,
  identifier,
  relationshipCitationRows,
  relationshipRow,
  sectionRows,
} from './graph-rows.ts';
import { recountDegrees } from './entity-degrees.ts';
import { bumpGraphVersion } from './graph-version.ts';
import { writeCuration } from './write-curation.ts';

const BATCH_SIZE = 500;

/** Takes: $documents, maps of Document properties (id, title, text, ...). */
const MERGE_DOCUMENTS = `
UNWIND $documents AS d
MERGE (doc:Document {id: d.id})
SET doc = d`;

/** Takes: $entities [{id, kind, properties}], $allKinds. A changed kind moves the node to its new label. */
const MERGE_ENTITIES = `
UNWIND $entities AS e
MERGE (n:Entity {id: e.id})
SET n = e.properties
REMOVE n:$($allKinds)
SET n:$(e.kind)`;

/**
 * Takes: $relationships [{from, to, key, properties}] of one type; both ends exist (checked before). One statement
 * per relationship type (a name of the vocabulary, checked to be a plain identifier, never input): with a dynamic
 * type, `MERGE (a)-[:$(r.type)]->(b)` is planned as a scan of all relationships per row (a 10,000-relationship
 * load took minutes), while a static type is an Expand(Into) from the end with fewer relationships.
 */
const mergeRelationships = (type: string) => `
UNWIND $relationships AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
MERGE (a)-[rel:${identifier(type)} {key: r.key}]->(b)
SET rel = r.properties`;

const MERGE_RELATIONSHIPS = new Map<string, string>();

/** Takes: $sections [{id, documentId, heading, level, ordinal}]. */
const MERGE_SECTIONS = `
UNWIND $sections AS s
MERGE (x:Section {id: s.id})
SET x = s`;

/** Takes: $citations [{id, documentId, section, table, row, quote, entityId | relationshipId, source, type, target}]. */
const MERGE_CITATIONS = `
UNWIND $citations AS c
MERGE (x:Citation {id: c.id})
SET x = c`;

/**
 * Takes: $documentIds, $relationshipIds. Removes the relationships these documents stated before and no longer
 * state. They are found through their citations (an index seek by document), then from their source entity, so
 * the work grows with the document, not with the graph. Runs before the citations are replaced.
 */
const REMOVE_STALE_RELATIONSHIPS = `
MATCH (c:Citation)
WHERE c.documentId IN $documentIds AND c.relationshipId IS NOT NULL AND NOT c.relationshipId IN $relationshipIds
WITH DISTINCT c.relationshipId AS id, c.source AS source
MATCH (:Entity {id: source})-[rel]->(:Entity)
WHERE rel.id = id
WITH rel, source, endNode(rel).id AS target
DELETE rel
RETURN count(*) AS removed, collect(DISTINCT source) + collect(DISTINCT target) AS ends`;

/** Takes: $documentIds, $entityIds. Returns how many it removed and the entities they were linked to. */
const REMOVE_STALE_ENTITIES = `
MATCH (n:Entity)
WHERE n.documentId IN $documentIds AND NOT n.id IN $entityIds
WITH n, COLLECT { MATCH (n)--(m:Entity) RETURN DISTINCT m.id } AS neighbours
DETACH DELETE n
RETURN count(n) AS removed, collect(neighbours) AS neighbours`;

/** Takes: $label (Citation or Section), $documentIds, $ids: the ones the load keeps, $keepSubjects: curated ids. */
const REMOVE_STALE_BY_DOCUMENT = `
MATCH (x:$($label))
WHERE x.documentId IN $documentIds AND NOT x.id IN $ids
  AND NOT coalesce(x.entityId, x.relationshipId, '') IN $keepSubjects
DELETE x`;

/** Takes: $entityIds, $documentIds. Returns the ones already stored (the rest are new to the database). */
const STORED_IDS = `
CALL () {
  UNWIND $entityIds AS id
  MATCH (n:Entity {id: id})
  RETURN collect(id) AS entities
}
CALL () {
  UNWIND $documentIds AS id
  MATCH (d:Document {id: id})
  RETURN collect(id) AS documents
}
RETURN entities, documents`;

/** Returns the ids of every curated fact (entities and relationships a curator created, changed or removed). */
const CURATED_FACT_IDS = 'MATCH (f:CuratedFact) RETURN f.id AS id';

export interface WriteSummary {
  documents: number;
  entities: number;
  relationships: number;
  removedEntities: number;
  removedRelationships: number;
  /** Ids of curated facts this load states but left as the curator made them (or removed them). */
  keptCurated: string[];
  /** Curated facts and audit entries restored from curation files (src/store/write-curation.ts). */
  curatedFacts: number;
  auditEntries: number;
}

export async function writeGraph(
  tx: Transaction,
  loaded: GraphData,
  vocabulary: Vocabulary = VOCABULARY,
): Promise<WriteSummary> {
  const curated = await readCuratedFactIds(tx);
  const { graph, keptCurated } = withoutCurated(loaded, curated);
  // Records new to the database are created (create-graph.ts), the rest merged: the same graph either way. A
  // relationship with an end this load creates cannot exist yet.
  const stored = await readStoredIds(
    tx,
    graph.entities.map((e) => e.id),
    graph.documents.map((d) => d.id),
  );
  const storedEntities = new Set(stored.entities);
  const storedDocuments = new Set(stored.documents);
  const created = new Set(graph.entities.filter((e) => !storedEntities.has(e.id)).map((e) => e.id));
  const isNew = (r: RelationshipToWrite) => created.has(r.from) || created.has(r.to);
  const sections = [
    ...(await createDocuments(
      tx,
      graph.documents.filter((d) => !storedDocuments.has(d.id)),
    )),
    ...(await writeDocuments(
      tx,
      graph.documents.filter((d) => storedDocuments.has(d.id)),
    )),
  ];
  await createEntities(
    tx,
    graph.entities.filter((e) => created.has(e.id)),
  );
  await writeEntities(
    tx,
    graph.entities.filter((e) => !created.has(e.id)),
    BATCH_SIZE,
    vocabulary,
  );
  await createRelationships(tx, graph.relationships.filter(isNew));
  await writeRelationships(
    tx,
    graph.relationships.filter((r) => !isNew(r)),
  );
  const relationshipIds = graph.relationships.map(relationshipIdOf);

  const documentIds = graph.documents.map((d) => d.id);
  let removedEntities = 0;
  let removedRelationships = 0;
  if (documentIds.length > 0) {
    // Old citations are still there: they find the relationships the documents no longer state. Curated facts
    // count as stated: the load neither removes them nor their citations.
    const [rels] = await tx.run<{ removed: number; ends: string[] }>(REMOVE_STALE_RELATIONSHIPS, {
      documentIds,
      relationshipIds: [...relationshipIds, ...curated],
    });
    const [nodes] = await tx.run<{ removed: number; neighbours: string[][] }>(REMOVE_STALE_ENTITIES, {
      documentIds,
      entityIds: [...graph.entities.filter((e) => documentIds.includes(e.documentId)).map((e) => e.id), ...curated],
    });
    removedRelationships = rels?.removed ?? 0;
    removedEntities = nodes?.removed ?? 0;
    await recountDegrees(tx, [...(rels?.ends ?? []), ...(nodes?.neighbours ?? []).flat()]);
    const citationIds = [
      ...graph.entities.flatMap((e) => e.sources.map((_, i) => citationId(e.id, i))),
      ...graph.relationships.flatMap((r, i) => r.sources.map((_, j) => citationId(relationshipIds[i] ?? '', j))),
    ];
    await tx.run(REMOVE_STALE_BY_DOCUMENT, {
      label: 'Citation',
      documentIds,
      ids: citationIds,
      keepSubjects: [...curated],
    });
    await tx.run(REMOVE_STALE_BY_DOCUMENT, { label: 'Section', documentIds, ids: sections, keepSubjects: [] });
  }
  // After the facts: the registry read above decided which facts this load writes; the restored one applies next time.
  const restored = loaded.curation ? await writeCuration(tx, loaded.curation) : { curatedFacts: 0, auditEntries: 0 };
  await bumpGraphVersion(tx);

  return {
    documents: graph.documents.length,
    entities: graph.entities.length,
    relationships: graph.relationships.length,
    removedEntities,
    removedRelationships,
    keptCurated,
    ...restored,
  };
}

/** The ids of every curated fact (entities and relationships a curator created, changed or removed). */
export async function readCuratedFactIds(tx: Pick<Transaction, 'run'>): Promise<Set<string>> {
  return new Set((await tx.run<{ id: string }>(CURATED_FACT_IDS)).map((r) => r.id));
}

/** The load without the facts curators own (`curated`), and the ids of those it stated. */
export function withoutCurated(
  loaded: GraphData,
  curated: ReadonlySet<string>,
): { graph: GraphData; keptCurated: string[] } {
  const keptCurated = [
    ...loaded.entities.filter((e) => curated.has(e.id)).map((e) => e.id),
    ...loaded.relationships.map(relationshipIdOf).filter((id) => curated.has(id)),
  ];
  if (keptCurated.length === 0) return { graph: loaded, keptCurated };
  return {
    graph: {
      ...loaded,
      entities: loaded.entities.filter((e) => !curated.has(e.id)),
      relationships: loaded.relationships.filter((r) => !curated.has(relationshipIdOf(r))),
    },
    keptCurated,
  };
}

/** Which of these entities and documents are stored (the rest are new to the database). */
export async function readStoredIds(
  tx: Pick<Transaction, 'run'>,
  entityIds: readonly string[],
  documentIds: readonly string[],
): Promise<{ entities: string[]; documents: string[] }> {
  const [row] = await tx.run<{ entities: string[]; documents: string[] }>(STORED_IDS, { entityIds, documentIds });
  return { entities: row?.entities ?? [], documents: row?.documents ?? [] };
}

const relationshipIdOf = (r: RelationshipToWrite) =>
  relationshipId({ type: r.type, source: r.from, target: r.to, key: r.key });

/** Writes (MERGE by id) documents and their sections. Returns the section ids. */
export async function writeDocuments(tx: Transaction, documents: readonly DocumentToWrite[]): Promise<string[]> {
  if (documents.length > 0) await tx.run(MERGE_DOCUMENTS, { documents });
  const sections = sectionRows(documents);
  for (const batch of batches(sections, BATCH_SIZE)) await tx.run(MERGE_SECTIONS, { sections: batch });
  return sections.map((s) => s.id);
}

/** Writes (MERGE by id) entities and their citations, in statements of `batchSize`. */
export async function writeEntities(
  tx: Transaction,
  entities: readonly EntityToWrite[],
  batchSize = BATCH_SIZE,
  vocabulary: Vocabulary = VOCABULARY,
): Promise<void> {
  const rows = entities.map(entityRow);
  const allKinds = Object.keys(vocabulary.kinds);
  for (const batch of batches(rows, batchSize)) await tx.run(MERGE_ENTITIES, { entities: batch, allKinds });
  for (const batch of batches(entityCitationRows(entities), batchSize)) {
    await tx.run(MERGE_CITATIONS, { citations: batch });
  }
  // Their properties were replaced, the stored degree with them.
  await recountDegrees(
    tx,
    entities.map((e) => e.id),
  );
}

/**
 * Writes (MERGE by type, ends and key) relationships and their citations, in statements of `batchSize`; both ends
 * must exist. Returns each relationship's id, in order.
 */
export async function writeRelationships(
  tx: Transaction,
  relationships: readonly RelationshipToWrite[],
  batchSize = BATCH_SIZE,
): Promise<string[]> {
  const rows = relationships.map(relationshipRow);
  for (const [type, ofType] of groupBy(rows, (row) => row.type)) {
    const statement = getOrCreate(MERGE_RELATIONSHIPS, type, mergeRelationships);
    for (const batch of batches(ofType, batchSize)) await tx.run(statement, { relationships: batch });
  }
  for (const batch of batches(relationshipCitationRows(relationships, rows), batchSize)) {
    await tx.run(MERGE_CITATIONS, { citations: batch });
  }
  await recountDegrees(
    tx,
    relationships.flatMap((r) => [r.from, r.to]),
  );
  return rows.map((r) => r.properties.id);
}

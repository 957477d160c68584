/**
 * Internal: writes validated graph data in one write transaction, with parameterised, batched MERGE by id.
 *
 * Idempotent: running it again with the same data leaves the same nodes, relationships and properties.
 * Documents this load defines are replaced in full: their entities and relationships that the load no longer
 * contains are removed, so editing or renaming something in a data file never leaves a stale copy behind.
 */
import type { Transaction } from '../db/query-runner.ts';
import { validityOf } from '../graph/partial-date.ts';
import { ENTITY_KINDS, RELATIONSHIP_TYPES } from '../model/vocabulary.ts';
import type { DocumentToWrite, EntityToWrite, GraphData, RelationshipToWrite } from './validate-graph-data.ts';

const BATCH_SIZE = 500;
const ALL_KINDS = Object.keys(ENTITY_KINDS);

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
 * per type of the vocabulary (the type is our constant, never input): with a dynamic type, `MERGE
 * (a)-[:$(r.type)]->(b)` is planned as a scan of all relationships per row (quadratic: a 10,000-relationship load
 * took minutes), while a static type is an Expand(Into) from the end with fewer relationships.
 */
const MERGE_RELATIONSHIPS = new Map(
  Object.keys(RELATIONSHIP_TYPES).map((type) => [
    type,
    `
UNWIND $relationships AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
MERGE (a)-[rel:${type} {key: r.key}]->(b)
SET rel = r.properties`,
  ]),
);

/** Takes: $documentIds, $relationshipIdentities; removes what these documents no longer state. */
const REMOVE_STALE_RELATIONSHIPS = `
MATCH (a:Entity)-[rel]->(b:Entity)
WHERE rel.documentId IN $documentIds
  AND NOT (type(rel) + ' ' + a.id + ' ' + b.id + ' ' + rel.key) IN $relationshipIdentities
DELETE rel
RETURN count(*) AS removed`;

/** Takes: $documentIds, $entityIds. */
const REMOVE_STALE_ENTITIES = `
MATCH (n:Entity)
WHERE n.documentId IN $documentIds AND NOT n.id IN $entityIds
DETACH DELETE n
RETURN count(*) AS removed`;

export interface WriteSummary {
  documents: number;
  entities: number;
  relationships: number;
  removedEntities: number;
  removedRelationships: number;
}

export async function writeGraph(tx: Transaction, graph: GraphData): Promise<WriteSummary> {
  await writeDocuments(tx, graph.documents);
  await writeEntities(tx, graph.entities);
  await writeRelationships(tx, graph.relationships);

  const documentIds = graph.documents.map((d) => d.id);
  let removedEntities = 0;
  let removedRelationships = 0;
  if (documentIds.length > 0) {
    const [rels] = await tx.run<{ removed: number }>(REMOVE_STALE_RELATIONSHIPS, {
      documentIds,
      relationshipIdentities: graph.relationships.map(relationshipIdentity),
    });
    const [nodes] = await tx.run<{ removed: number }>(REMOVE_STALE_ENTITIES, {
      documentIds,
      entityIds: graph.entities.filter((e) => documentIds.includes(e.documentId)).map((e) => e.id),
    });
    removedRelationships = rels?.removed ?? 0;
    removedEntities = nodes?.removed ?? 0;
  }

  return {
    documents: graph.documents.length,
    entities: graph.entities.length,
    relationships: graph.relationships.length,
    removedEntities,
    removedRelationships,
  };
}

/**
 * Writes (MERGE by id) documents in `tx`. Idempotent. The batch writers below are also used on their own, one
 * transaction per batch, by the synthetic-graph generator (src/seed/load-generated-graph.ts): they store exactly
 * what a data-file load stores, and never remove anything.
 */
export async function writeDocuments(tx: Transaction, documents: readonly DocumentToWrite[]): Promise<void> {
  await tx.run(MERGE_DOCUMENTS, { documents });
}

/** Writes (MERGE by id) entities in `tx`, in statements of `batchSize`. Idempotent. */
export async function writeEntities(
  tx: Transaction,
  entities: readonly EntityToWrite[],
  batchSize = BATCH_SIZE,
): Promise<void> {
  const rows = entities.map((e) => ({
    id: e.id,
    kind: e.kind,
    properties: {
      ...normalizeDates(e.properties),
      propertyKeys: Object.keys(e.properties).sort(),
      id: e.id,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases,
      aliasText: e.aliases.join(' | '),
      description: e.description ?? null,
      note: e.note ?? null,
      documentId: e.documentId,
      sourcesJson: JSON.stringify(e.sources),
    },
  }));
  for (const batch of batches(rows, batchSize)) {
    await tx.run(MERGE_ENTITIES, { entities: batch, allKinds: ALL_KINDS });
  }
}

/**
 * Writes (MERGE by type, ends and key) relationships in `tx`, in statements of `batchSize`; both ends must exist.
 * Idempotent.
 */
export async function writeRelationships(
  tx: Transaction,
  relationships: readonly RelationshipToWrite[],
  batchSize = BATCH_SIZE,
): Promise<void> {
  const rows = relationships.map((r) => ({
    type: r.type,
    from: r.from,
    to: r.to,
    key: r.key,
    properties: {
      ...normalizeDates(r.properties),
      ...validityOf(r.properties),
      propertyKeys: Object.keys(r.properties).sort(),
      key: r.key,
      note: r.note ?? null,
      documentId: r.documentId,
      sourcesJson: JSON.stringify(r.sources),
    },
  }));
  const byType = new Map<string, typeof rows>();
  for (const row of rows) {
    const ofType = byType.get(row.type);
    if (ofType) ofType.push(row);
    else byType.set(row.type, [row]);
  }
  for (const [type, ofType] of byType) {
    const statement = MERGE_RELATIONSHIPS.get(type);
    if (statement === undefined) throw new RangeError(`unknown relationship type ${type}`);
    for (const batch of batches(ofType, batchSize)) {
      await tx.run(statement, { relationships: batch });
    }
  }
}

/** YAML reads an unquoted year as a number; dates are stored as strings, whatever their precision. */
function normalizeDates<T extends Record<string, unknown>>(properties: T): T {
  const copy: Record<string, unknown> = { ...properties };
  for (const key of ['date', 'since', 'until', 'asOf']) {
    if (copy[key] !== undefined) copy[key] = String(copy[key]);
  }
  return copy as T;
}

function relationshipIdentity(r: RelationshipToWrite): string {
  return `${r.type} ${r.from} ${r.to} ${r.key}`;
}

function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

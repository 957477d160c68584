/**
 * Internal: the bulk writer. Writes documents, entities and relationships that are known to be new (not in the
 * database: an empty database, a document loaded for the first time, the rest of an interrupted bulk load) with
 * CREATE instead of MERGE, in UNWIND statements of `statementSize` rows, storing exactly what the MERGE writer
 * (write-graph.ts) stores for the same data: the rows come from the same builders (graph-rows.ts).
 *
 * Why it is faster: MERGE looks for each node and each relationship before writing it (for a relationship, an
 * expand over one end's relationships, which grows with a hub's degree), and takes locks to do it; CREATE only
 * writes. Relationships find their ends through the unique id index, as the MERGE writer does.
 *
 * Each entity's stored degree (entity-degrees.ts) is 0 when created and recounted for the ends of the relationships
 * created.
 *
 * Safety: the uniqueness constraints (cypher/schema.cypher) still hold, so an entity, document, section or citation
 * created twice fails the transaction rather than duplicating a node. Relationships have no constraint: the caller
 * vouches that they are new (both ends or one end created by the same load, or the batch recorded as not done).
 */
import type { Transaction } from '../db/query-runner.ts';
import { getOrCreate } from '../get-or-create.ts';
import type { DocumentToWrite, EntityToWrite, RelationshipToWrite } from './validate-graph-data.ts';
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

/** Rows per UNWIND statement; measured on the 1m synthetic graph (docs/operations.md, "Bulk loads"). */
const CREATE_STATEMENT_SIZE = 5_000;

/** Takes: $documents, maps of Document properties (id, title, text, ...). */
const CREATE_DOCUMENTS = `
UNWIND $documents AS d
CREATE (doc:Document)
SET doc = d`;

/** Takes: $sections [{id, documentId, heading, level, ordinal}]. */
const CREATE_SECTIONS = `
UNWIND $sections AS s
CREATE (x:Section)
SET x = s`;

/** Takes: $entities [{properties}] of one kind (the label, a name of the vocabulary). New: no relationships yet. */
const createEntitiesOfKind = (kind: string) => `
UNWIND $entities AS e
CREATE (n:Entity:${identifier(kind)})
SET n = e.properties, n.degree = 0`;

/** Takes: $relationships [{from, to, properties}] of one type; both ends exist. */
const createRelationshipsOfType = (type: string) => `
UNWIND $relationships AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
CREATE (a)-[rel:${identifier(type)}]->(b)
SET rel = r.properties`;

/** Takes: $citations [{id, documentId, section, table, row, quote, ordinal, entityId | relationshipId, ...}]. */
const CREATE_CITATIONS = `
UNWIND $citations AS c
CREATE (x:Citation)
SET x = c`;

const ENTITY_STATEMENTS = new Map<string, string>();
const RELATIONSHIP_STATEMENTS = new Map<string, string>();

/** Creates documents and their sections. Returns the section ids. */
export async function createDocuments(
  tx: Transaction,
  documents: readonly DocumentToWrite[],
  statementSize = CREATE_STATEMENT_SIZE,
): Promise<string[]> {
  if (documents.length > 0) await tx.run(CREATE_DOCUMENTS, { documents });
  const sections = sectionRows(documents);
  for (const batch of batches(sections, statementSize)) await tx.run(CREATE_SECTIONS, { sections: batch });
  return sections.map((s) => s.id);
}

/** Creates entities (with their kind's label) and their citations. */
export async function createEntities(
  tx: Transaction,
  entities: readonly EntityToWrite[],
  statementSize = CREATE_STATEMENT_SIZE,
): Promise<void> {
  for (const [kind, ofKind] of groupBy(entities.map(entityRow), (row) => row.kind)) {
    const statement = getOrCreate(ENTITY_STATEMENTS, kind, createEntitiesOfKind);
    for (const batch of batches(ofKind, statementSize)) {
      await tx.run(statement, { entities: batch.map((row) => ({ properties: row.properties })) });
    }
  }
  for (const batch of batches(entityCitationRows(entities), statementSize)) {
    await tx.run(CREATE_CITATIONS, { citations: batch });
  }
}

/** Creates relationships between existing entities, and their citations. Returns each one's id, in order. */
export async function createRelationships(
  tx: Transaction,
  relationships: readonly RelationshipToWrite[],
  statementSize = CREATE_STATEMENT_SIZE,
): Promise<string[]> {
  const rows = relationships.map(relationshipRow);
  for (const [type, ofType] of groupBy(rows, (row) => row.type)) {
    const statement = getOrCreate(RELATIONSHIP_STATEMENTS, type, createRelationshipsOfType);
    for (const batch of batches(ofType, statementSize)) {
      await tx.run(statement, {
        relationships: batch.map(({ from, to, properties }) => ({ from, to, properties })),
      });
    }
  }
  for (const batch of batches(relationshipCitationRows(relationships, rows), statementSize)) {
    await tx.run(CREATE_CITATIONS, { citations: batch });
  }
  await recountDegrees(
    tx,
    rows.flatMap((r) => [r.from, r.to]),
  );
  return rows.map((r) => r.properties.id);
}

/**
 * Internal: writes what a curation file restores (src/store/curation-file.ts), in the load's transaction after its
 * entities and relationships: the CuratedFact registry, the marks (`curatedBy`, `curatedAt`) a curated write leaves
 * on a present fact (src/store/curated-facts.ts sets both from one stamp), and the audit entries as they were
 * stored (src/store/audit-entries.ts). MERGE by id, so loading a dump twice changes nothing.
 */
import type { Transaction } from '../db/query-runner.ts';
import { curationMark } from '../model/stored-properties.ts';
import type { StoredAuditEntry } from '../graph/audit-log.ts';
import { raiseGraphVersion } from './graph-version.ts';
import { batches } from './graph-rows.ts';
import type { CurationToWrite } from './validate-graph-data.ts';

const BATCH_SIZE = 500;

/** Takes: $facts [{id, subject, state, curatedBy, curatedAt}]. */
const MERGE_CURATED_FACTS = `
UNWIND $facts AS f
MERGE (x:CuratedFact {id: f.id})
SET x = f`;

/** Takes: $marks [{id, mark}]. */
const MARK_ENTITIES = `
UNWIND $marks AS m
MATCH (n:Entity {id: m.id})
SET n += m.mark`;

/** Takes: $marks [{id, source, mark}]. */
const MARK_RELATIONSHIPS = `
UNWIND $marks AS m
MATCH (:Entity {id: m.source})-[r]->(:Entity)
WHERE r.id = m.id
SET r += m.mark`;

/** Takes: $entries (StoredAuditEntry maps). */
const MERGE_AUDIT_ENTRIES = `
UNWIND $entries AS e
MERGE (a:AuditEntry {id: e.id})
SET a = e`;

export interface CurationSummary {
  curatedFacts: number;
  auditEntries: number;
}

export async function writeCuration(tx: Transaction, curation: CurationToWrite): Promise<CurationSummary> {
  const facts = curation.facts.map(({ source: _source, ...fact }) => fact);
  for (const batch of batches(facts, BATCH_SIZE)) await tx.run(MERGE_CURATED_FACTS, { facts: batch });
  const present = curation.facts.filter((f) => f.state === 'present');
  const marks = (subject: 'entity' | 'relationship') =>
    present
      .filter((f) => f.subject === subject)
      .map((f) => ({
        id: f.id,
        source: f.source ?? null,
        mark: curationMark({ curator: f.curatedBy, at: f.curatedAt }),
      }));
  for (const batch of batches(marks('entity'), BATCH_SIZE)) await tx.run(MARK_ENTITIES, { marks: batch });
  for (const batch of batches(marks('relationship'), BATCH_SIZE)) await tx.run(MARK_RELATIONSHIPS, { marks: batch });
  const entries: StoredAuditEntry[] = curation.auditEntries.map(({ input, idempotencyKey, ...entry }) => ({
    ...entry,
    idempotencyKey: idempotencyKey ?? null,
    inputJson: JSON.stringify(input),
  }));
  for (const batch of batches(entries, BATCH_SIZE)) await tx.run(MERGE_AUDIT_ENTRIES, { entries: batch });
  const newestVersion = entries.reduce((newest, entry) => Math.max(newest, entry.graphVersion ?? 0), 0);
  if (newestVersion > 0) await raiseGraphVersion(tx, newestVersion);
  return { curatedFacts: facts.length, auditEntries: entries.length };
}

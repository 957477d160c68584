/**
 * Public contract: what the writers (src/store/write-graph.ts, src/store/curated-facts.ts,
 * src/store/lock-entity.ts, src/store/entity-degrees.ts) store on an entity or a relationship besides a data file's own properties. The
 * reserved property keys are derived from these builders, so a data file can never set a key a writer sets.
 *
 * Citations have one home: `sourcesJson` (the citations as the API returns them, read on every hot path without
 * a join). The `Citation` nodes are an index derived from the same sources by the same writer in the same
 * transaction (src/store/write-graph.ts), for "what does Table 1 support" as an index seek.
 */
import type { Citation, EntityRecord, RelationshipRecord } from './data-file-schema.ts';
import { relationshipId } from './identity.ts';
import { validityOf } from './partial-date.ts';
import { PARTIAL_DATE_KEYS } from './property-keys.ts';

/** An entity as written: its data-file record and the document that defines it. */
export interface EntityToStore extends EntityRecord {
  documentId: string;
}

/** A relationship as written: its data-file record, its document, and its key among parallel relationships. */
export interface RelationshipToStore extends RelationshipRecord {
  documentId: string;
  key: string;
}

/** The node properties of an entity: its own properties, then the writer's. */
export function storedEntityProperties(e: EntityToStore): Record<string, unknown> {
  return {
    ...normalizeDates(e.properties),
    propertyKeys: Object.keys(e.properties).sort(),
    id: e.id,
    kind: e.kind,
    name: e.name,
    nameKey: e.name.toLowerCase(),
    aliases: e.aliases,
    aliasText: e.aliases.join(' | '),
    description: e.description ?? null,
    note: e.note ?? null,
    documentId: e.documentId,
    sourcesJson: JSON.stringify(e.sources),
  };
}

/** The relationship properties of a relationship: its own properties, its validity, then the writer's. */
export function storedRelationshipProperties(r: RelationshipToStore): Record<string, unknown> & { id: string } {
  return {
    ...normalizeDates(r.properties),
    ...validityOf(r.properties),
    propertyKeys: Object.keys(r.properties).sort(),
    id: relationshipId({ type: r.type, source: r.from, target: r.to, key: r.key }),
    key: r.key,
    note: r.note ?? null,
    documentId: r.documentId,
    sourcesJson: JSON.stringify(r.sources),
  };
}

/** Who changed a fact by a curated write, and when, as stored on it. */
export function curationMark(stamp: { curator: string; at: string }): Record<string, string> {
  return { curatedBy: stamp.curator, curatedAt: stamp.at };
}

/** The property a curated write sets and removes to take an entity's write lock. */
export const LOCK_KEY = 'curationLock';

/** The property every writer keeps an entity's degree in (src/store/entity-degrees.ts). */
const DEGREE_KEY = 'degree';

/** Property names the writers store themselves on nodes and relationships; data files may not use them. */
export const RESERVED_PROPERTY_KEYS: ReadonlySet<string> = (() => {
  const sources: Citation[] = [];
  const record = { id: '', name: '', aliases: [], properties: {}, sources, documentId: '' };
  const entity = storedEntityProperties({ ...record, kind: 'Country' } as EntityToStore);
  const relationship = storedRelationshipProperties({ ...record, type: '', from: '', to: '', key: '' } as never);
  return new Set([
    ...Object.keys(entity),
    ...Object.keys(relationship),
    ...Object.keys(curationMark({ curator: '', at: '' })),
    LOCK_KEY,
    DEGREE_KEY,
  ]);
})();

/** YAML reads an unquoted year as a number; dates are stored as strings, whatever their precision. */
function normalizeDates<T extends Record<string, unknown>>(properties: T): T {
  const copy: Record<string, unknown> = { ...properties };
  for (const key of PARTIAL_DATE_KEYS) {
    if (copy[key] !== undefined) copy[key] = String(copy[key]);
  }
  return copy as T;
}

/**
 * Internal: one change of the change feed (Subscription.graphChanged), read from the audit entry of the curated
 * write that made it: what changed (an entity or a relationship; created, updated or removed; its id, kind or type
 * and ends), who made it, and the citation given. Also the filter a subscriber gives (`kinds`, `types`).
 */
import type { AuditEntryRow, CurationAction, StoredAuditEntry } from '../graph/audit-log.ts';
import { toAuditEntryRow } from '../graph/audit-log.ts';
import type { CitationRow } from '../graph/rows.ts';
import type { EntityKind, RelationshipType, Vocabulary } from '../model/vocabulary.ts';

type ChangeOperation = 'CREATED' | 'UPDATED' | 'REMOVED';

export interface GraphChangeRow {
  /** The audit entry of the write; its id is the change's id, which `after:` resumes from. */
  entry: AuditEntryRow;
  /** The graph version the write produced: the feed's order. */
  graphVersion: number;
  operation: ChangeOperation;
  subject: 'ENTITY' | 'RELATIONSHIP';
  subjectId: string;
  /** The entity's kind (entity changes). */
  kind: EntityKind | null;
  /** The relationship's type and ends (relationship changes). */
  type: RelationshipType | null;
  source: string | null;
  target: string | null;
  /** The kinds the change touches: the entity's, or the kinds of the relationship's ends. */
  kinds: EntityKind[];
  /** The citation the write gave; none for an unlink. */
  citation: CitationRow | null;
  /** Why, for an unlink. */
  reason: string | null;
}

/** What a subscriber asked for: null lets every kind or type through. */
export interface ChangeFilter {
  kinds: ReadonlySet<string> | null;
  types: ReadonlySet<string> | null;
}

const OPERATION: Record<CurationAction, ChangeOperation> = {
  CREATE_ENTITY: 'CREATED',
  UPDATE_ENTITY: 'UPDATED',
  LINK: 'CREATED',
  UNLINK: 'REMOVED',
};

/** The kind of an entity id, from its prefix (`company:tsmc` is a Company); null for a prefix the model lacks. */
function kindOfId(vocabulary: Vocabulary, id: string): EntityKind | null {
  const prefix = id.slice(0, id.indexOf(':'));
  const found = Object.entries(vocabulary.kinds).find(([, spec]) => spec.prefix === prefix);
  return found ? (found[0] as EntityKind) : null;
}

function citationOf(input: Record<string, unknown>): CitationRow | null {
  const citation = input['citation'];
  return citation && typeof citation === 'object' ? (citation as CitationRow) : null;
}

/** The change an audit entry records (entries written before the log kept versions are not changes of the feed). */
export function toGraphChange(stored: StoredAuditEntry, vocabulary: Vocabulary): GraphChangeRow {
  const entry = toAuditEntryRow(stored);
  const { input, touched, action } = entry;
  const subjectId = touched[0] ?? '';
  const common = {
    entry,
    graphVersion: Number(stored.graphVersion),
    operation: OPERATION[action],
    subjectId,
    citation: citationOf(input),
    reason: typeof input['reason'] === 'string' ? input['reason'] : null,
  };
  if (action === 'CREATE_ENTITY' || action === 'UPDATE_ENTITY') {
    const kind = kindOfId(vocabulary, subjectId);
    return {
      ...common,
      subject: 'ENTITY',
      kind,
      type: null,
      source: null,
      target: null,
      kinds: kind ? [kind] : [],
    };
  }
  // A relationship's touched ids are its own, then its source and target (src/curation/).
  const source = touched[1] ?? null;
  const target = touched[2] ?? null;
  const ends = [source, target].flatMap((id) => (id === null ? [] : [kindOfId(vocabulary, id)]));
  return {
    ...common,
    subject: 'RELATIONSHIP',
    kind: null,
    type: subjectId.slice(0, subjectId.indexOf(':')) as RelationshipType,
    source,
    target,
    kinds: [...new Set(ends.filter((kind): kind is EntityKind => kind !== null))],
  };
}

/**
 * Whether a subscriber's filter lets a change through: with `kinds`, the entity's kind or a relationship end's kind
 * is one of them; with `types`, it is a relationship of one of those types (so entity changes are left out).
 */
export function passesFilter(change: GraphChangeRow, filter: ChangeFilter): boolean {
  if (filter.kinds && !change.kinds.some((kind) => filter.kinds?.has(kind))) return false;
  if (filter.types && (change.type === null || !filter.types.has(change.type))) return false;
  return true;
}

/**
 * Public contract: the identities of relationships and citations, in one format. A relationship is identified by
 * its type, its ends and its key (two relationships of one type between the same entities differ by key); a
 * citation by what it supports and its position in that subject's list of sources.
 */

export interface RelationshipIdentity {
  type: string;
  source: string;
  target: string;
  /** '' when the data file gives no key. */
  key: string;
}

/** `TYPE:source->target`, with `#key` when there is a key: e.g. `OPERATES:company:rapidus->facility:iiv`. */
export function relationshipId({ type, source, target, key }: RelationshipIdentity): string {
  return key ? `${type}:${source}->${target}#${key}` : `${type}:${source}->${target}`;
}

/** The n-th (from 0) citation of an entity or relationship: `<subject id>@<n>`. */
export function citationId(subjectId: string, index: number): string {
  return `${subjectId}@${index}`;
}

/**
 * Internal: time in Cypher. Relationships store `validFrom` and `validUntil` (full ISO dates, written by the
 * loader from src/model/partial-date.ts's validityOf), so a string comparison with an end-of-period bound decides
 * whether a relationship held on a date.
 */

/**
 * The Cypher condition that keeps relationship `rel` if it held on `asOf` (a parameter, `$asOf` unless told: an
 * end-of-period bound, or null for no filter). Shared text, so every query filters time the same way.
 */
export function holdsAsOf(rel: string, asOf = '$asOf'): string {
  return `(${asOf} IS NULL OR ((${rel}.validFrom IS NULL OR ${rel}.validFrom <= ${asOf}) AND (${rel}.validUntil IS NULL OR ${rel}.validUntil > ${asOf})))`;
}

/** holdsAsOf for the relationship variable `r`. */
export const HOLDS_AS_OF = holdsAsOf('r');

/**
 * Internal: time in Cypher. Relationships store `validFrom` and `validUntil` (full ISO dates, written by the
 * loader from src/model/partial-date.ts's validityOf), so a string comparison with an end-of-period bound decides
 * whether a relationship held on a date.
 */

/**
 * The Cypher condition that keeps a relationship `r` holding on `$asOf` (an end-of-period bound, or null for no
 * filter). Shared text, so every query filters time the same way.
 */
export const HOLDS_AS_OF = `($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validUntil IS NULL OR r.validUntil > $asOf)))`;

/**
 * Internal: a material's critical-material category in Cypher: its nearest ancestor (or itself) that a Law
 * designates. One text, shared by the cross-reference and the supply-risk statements, so both find the same
 * category.
 */

/** The most PART_OF steps from a material item up to its category. */
export const MAX_CATEGORY_DEPTH = 4;

/** A subquery binding the category of material `m` as `cat` (or null). */
export const categoryOf = (m: string, cat: string): string => `
CALL (${m}) {
  OPTIONAL MATCH path = (${m})-[:PART_OF*0..${MAX_CATEGORY_DEPTH}]->(category:Material)
  WHERE EXISTS { (:Law)-[:DESIGNATES]->(category) }
  RETURN category AS ${cat}
  ORDER BY length(path)
  LIMIT 1
}`;

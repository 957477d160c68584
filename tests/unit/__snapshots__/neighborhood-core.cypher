
MATCH (c:Entity {id: $id})
WITH c, [c] AS kept, [c] AS frontier, false AS truncated
CALL (kept, frontier, truncated) {
  WITH kept, frontier, truncated
  WHERE $depth >= 1 AND NOT truncated AND size(frontier) > 0
  UNWIND frontier AS f
  CALL (f, kept) {
    MATCH (f)-[r]-(m:Entity)
    WHERE NOT m IN kept
      AND ($types IS NULL OR type(r) IN $types)
      AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validUntil IS NULL OR r.validUntil > $asOf)))
    WITH DISTINCT m
    LIMIT toInteger($limit) + 1
    WITH collect(m) AS offered
    UNWIND offered[0..toInteger($limit) + 1 - size(kept)] AS m
    RETURN m
  }
  WITH DISTINCT m
  ORDER BY toLower(m.name), m.id
  LIMIT toInteger($limit) + 1
  RETURN collect(m) AS found
}
WITH c, kept + found[0..$limit - size(kept)] AS kept, found[0..$limit - size(kept)] AS frontier,
     truncated OR size(found) > $limit - size(kept) AS truncated
CALL (kept, frontier, truncated) {
  WITH kept, frontier, truncated
  WHERE $depth >= 2 AND NOT truncated AND size(frontier) > 0
  UNWIND frontier AS f
  CALL (f, kept) {
    MATCH (f)-[r]-(m:Entity)
    WHERE NOT m IN kept
      AND ($types IS NULL OR type(r) IN $types)
      AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validUntil IS NULL OR r.validUntil > $asOf)))
    WITH DISTINCT m
    LIMIT toInteger($limit) + 1
    WITH collect(m) AS offered
    UNWIND offered[0..toInteger($limit) + 1 - size(kept)] AS m
    RETURN m
  }
  WITH DISTINCT m
  ORDER BY toLower(m.name), m.id
  LIMIT toInteger($limit) + 1
  RETURN collect(m) AS found
}
WITH c, kept + found[0..$limit - size(kept)] AS kept, found[0..$limit - size(kept)] AS frontier,
     truncated OR size(found) > $limit - size(kept) AS truncated
CALL (kept, frontier, truncated) {
  WITH kept, frontier, truncated
  WHERE $depth >= 3 AND NOT truncated AND size(frontier) > 0
  UNWIND frontier AS f
  CALL (f, kept) {
    MATCH (f)-[r]-(m:Entity)
    WHERE NOT m IN kept
      AND ($types IS NULL OR type(r) IN $types)
      AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validUntil IS NULL OR r.validUntil > $asOf)))
    WITH DISTINCT m
    LIMIT toInteger($limit) + 1
    WITH collect(m) AS offered
    UNWIND offered[0..toInteger($limit) + 1 - size(kept)] AS m
    RETURN m
  }
  WITH DISTINCT m
  ORDER BY toLower(m.name), m.id
  LIMIT toInteger($limit) + 1
  RETURN collect(m) AS found
}
WITH c, kept + found[0..$limit - size(kept)] AS kept, found[0..$limit - size(kept)] AS frontier,
     truncated OR size(found) > $limit - size(kept) AS truncated
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b IN kept
    AND ($types IS NULL OR type(r) IN $types)
    AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validUntil IS NULL OR r.validUntil > $asOf)))
  WITH a.id AS source, type(r) AS type, b.id AS target, r
  ORDER BY source, type, target, r.key
  RETURN collect([source, type, target, r.id]) AS edges
}
RETURN properties(c) AS center, [n IN kept[1..] | [n.id, n.name, n.kind]] AS nodes,
       edges, truncated
// neighborhood
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
CALL (kept) {
  UNWIND kept AS n
  WITH n, {
    f0: CASE
      WHEN n.kind = $p0_on THEN COLLECT {
        MATCH (n)-[r0:BASED_IN]->(m0:Entity)
        WHERE ($p0_types IS NULL OR type(r0) IN $p0_types) AND ($p0_kinds IS NULL OR m0.kind IN $p0_kinds) AND ($p0_asOf IS NULL OR ((r0.validFrom IS NULL OR r0.validFrom <= $p0_asOf) AND (r0.validUntil IS NULL OR r0.validUntil > $p0_asOf)))
        WITH r0, m0, startNode(r0) = n AS outgoing0
        ORDER BY m0.nameKey, m0.id, type(r0), outgoing0, r0.key
        SKIP toInteger($p0_offset) LIMIT toInteger($p0_limit)
        RETURN [type(r0), outgoing0, r0.id, m0.id, m0.name, m0.kind]
      }
    END,
    f1: CASE
      WHEN n.kind = $p1_on THEN COLLECT {
        MATCH (n)<-[r1:APPROVED_SUPPLY_PLAN_FOR|PRODUCES|DEVELOPS]-(m1:Entity)
        WHERE ($p1_types IS NULL OR type(r1) IN $p1_types) AND ($p1_kinds IS NULL OR m1.kind IN $p1_kinds) AND ($p1_asOf IS NULL OR ((r1.validFrom IS NULL OR r1.validFrom <= $p1_asOf) AND (r1.validUntil IS NULL OR r1.validUntil > $p1_asOf)))
        WITH r1, m1, startNode(r1) = n AS outgoing1
        ORDER BY m1.nameKey, m1.id, type(r1), outgoing1, r1.key
        SKIP toInteger($p1_offset) LIMIT toInteger($p1_limit)
        RETURN [type(r1), outgoing1, r1.id, m1.id, m1.name, m1.kind]
      }
    END
  } AS fields
  RETURN collect([n.id, fields]) AS planned
}
RETURN properties(c) AS center, [n IN kept[1..] | [n.id, n.name, n.kind]] AS nodes,
       edges, truncated, planned
// $id = "company:resonac"
// $depth = 1
// $limit = 100
// $types = null
// $asOf = null
// $p0_types = ["BASED_IN"]
// $p0_kinds = ["Country"]
// $p0_asOf = null
// $p0_offset = 0
// $p0_limit = 1
// $p0_on = "Company"
// $p1_types = ["APPROVED_SUPPLY_PLAN_FOR","PRODUCES","DEVELOPS"]
// $p1_kinds = ["Company"]
// $p1_asOf = null
// $p1_offset = 0
// $p1_limit = 500
// $p1_on = "Material"

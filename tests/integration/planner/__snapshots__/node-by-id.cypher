// entity.planned
MATCH (n:Entity {id: $id})
RETURN properties(n) AS props, {
  f0: CASE
    WHEN n.kind = $p0_on THEN COLLECT {
      MATCH (n)-[r0:OPERATES]->(m0:Entity)
      WHERE ($p0_types IS NULL OR type(r0) IN $p0_types) AND ($p0_kinds IS NULL OR m0.kind IN $p0_kinds) AND ($p0_asOf IS NULL OR ((r0.validFrom IS NULL OR r0.validFrom <= $p0_asOf) AND (r0.validUntil IS NULL OR r0.validUntil > $p0_asOf)))
      WITH r0, m0, startNode(r0) = n AS outgoing0
      ORDER BY m0.nameKey, m0.id, type(r0), outgoing0, r0.key
      SKIP toInteger($p0_offset) LIMIT toInteger($p0_limit)
      RETURN [type(r0), outgoing0, r0.id, m0.id, m0.name, m0.kind, {
        f0: COLLECT {
          MATCH (m0)-[r1:LOCATED_IN]->(m1:Entity)
          WHERE ($p1_types IS NULL OR type(r1) IN $p1_types) AND ($p1_kinds IS NULL OR m1.kind IN $p1_kinds) AND ($p1_asOf IS NULL OR ((r1.validFrom IS NULL OR r1.validFrom <= $p1_asOf) AND (r1.validUntil IS NULL OR r1.validUntil > $p1_asOf)))
          WITH r1, m1, startNode(r1) = m0 AS outgoing1
          ORDER BY m1.nameKey, m1.id, type(r1), outgoing1, r1.key
          SKIP toInteger($p1_offset) LIMIT toInteger($p1_limit)
          RETURN [type(r1), outgoing1, r1.id, m1.id, m1.name, m1.kind]
        }
      }]
    }
  END
} AS fields
// $id = "company:tsmc"
// $p0_types = ["OPERATES"]
// $p0_kinds = ["Facility"]
// $p0_asOf = null
// $p0_offset = 0
// $p0_limit = 500
// $p1_types = ["LOCATED_IN"]
// $p1_kinds = null
// $p1_asOf = null
// $p1_offset = 0
// $p1_limit = 500
// $p0_on = "Company"

// entity.planned
MATCH (n:Entity {id: $id})
RETURN properties(n) AS props, {
  f0: CASE
    WHEN n.kind = $p0_on THEN COLLECT {
      MATCH (n)-[r0:APPROVED_SUPPLY_PLAN_FOR|PRODUCES|DEVELOPS]->(m0:Entity)
      WHERE ($p0_types IS NULL OR type(r0) IN $p0_types) AND ($p0_kinds IS NULL OR m0.kind IN $p0_kinds) AND ($p0_asOf IS NULL OR ((r0.validFrom IS NULL OR r0.validFrom <= $p0_asOf) AND (r0.validUntil IS NULL OR r0.validUntil > $p0_asOf)))
      WITH r0, m0, startNode(r0) = n AS outgoing0
      ORDER BY m0.nameKey, m0.id, type(r0), outgoing0, r0.key
      SKIP toInteger($p0_offset) LIMIT toInteger($p0_limit)
      RETURN [type(r0), outgoing0, r0.id, m0.id, m0.name, m0.kind, {
        f0: COLLECT {
          MATCH (m0)<-[r1:APPROVED_SUPPLY_PLAN_FOR|PRODUCES|DEVELOPS]-(m1:Entity)
          WHERE ($p1_types IS NULL OR type(r1) IN $p1_types) AND ($p1_kinds IS NULL OR m1.kind IN $p1_kinds) AND ($p1_asOf IS NULL OR ((r1.validFrom IS NULL OR r1.validFrom <= $p1_asOf) AND (r1.validUntil IS NULL OR r1.validUntil > $p1_asOf)))
          WITH r1, m1, startNode(r1) = m0 AS outgoing1
          ORDER BY m1.nameKey, m1.id, type(r1), outgoing1, r1.key
          SKIP toInteger($p1_offset) LIMIT toInteger($p1_limit)
          RETURN [type(r1), outgoing1, r1.id, m1.id, m1.name, m1.kind, {
            f0: COLLECT {
              MATCH (m1)-[r2:BASED_IN]->(m2:Entity)
              WHERE ($p2_types IS NULL OR type(r2) IN $p2_types) AND ($p2_kinds IS NULL OR m2.kind IN $p2_kinds) AND ($p2_asOf IS NULL OR ((r2.validFrom IS NULL OR r2.validFrom <= $p2_asOf) AND (r2.validUntil IS NULL OR r2.validUntil > $p2_asOf)))
              WITH r2, m2, startNode(r2) = m1 AS outgoing2
              ORDER BY m2.nameKey, m2.id, type(r2), outgoing2, r2.key
              SKIP toInteger($p2_offset) LIMIT toInteger($p2_limit)
              RETURN [type(r2), outgoing2, r2.id, m2.id, m2.name, m2.kind]
            }
          }]
        }
      }]
    }
  END
} AS fields
// $id = "company:resonac"
// $p0_types = ["APPROVED_SUPPLY_PLAN_FOR","PRODUCES","DEVELOPS"]
// $p0_kinds = ["Material"]
// $p0_asOf = null
// $p0_offset = 0
// $p0_limit = 500
// $p1_types = ["APPROVED_SUPPLY_PLAN_FOR","PRODUCES","DEVELOPS"]
// $p1_kinds = ["Company"]
// $p1_asOf = null
// $p1_offset = 0
// $p1_limit = 500
// $p2_types = ["BASED_IN"]
// $p2_kinds = ["Country"]
// $p2_asOf = null
// $p2_offset = 0
// $p2_limit = 1
// $p0_on = "Company"

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
          MATCH (m0)-[r1:PART_OF]->(m1:Entity)
          WHERE ($p1_types IS NULL OR type(r1) IN $p1_types) AND ($p1_kinds IS NULL OR m1.kind IN $p1_kinds) AND ($p1_asOf IS NULL OR ((r1.validFrom IS NULL OR r1.validFrom <= $p1_asOf) AND (r1.validUntil IS NULL OR r1.validUntil > $p1_asOf)))
          WITH r1, m1, startNode(r1) = m0 AS outgoing1
          ORDER BY m1.nameKey, m1.id, type(r1), outgoing1, r1.key
          SKIP toInteger($p1_offset) LIMIT toInteger($p1_limit)
          RETURN [type(r1), outgoing1, r1.id, m1.id, m1.name, m1.kind]
        }
      }]
    }
    WHEN n.kind = $p2_on THEN COLLECT {
      MATCH (n)<-[r2:APPROVED_SUPPLY_PLAN_FOR|PRODUCES|DEVELOPS]-(m2:Entity)
      WHERE ($p2_types IS NULL OR type(r2) IN $p2_types) AND ($p2_kinds IS NULL OR m2.kind IN $p2_kinds) AND ($p2_asOf IS NULL OR ((r2.validFrom IS NULL OR r2.validFrom <= $p2_asOf) AND (r2.validUntil IS NULL OR r2.validUntil > $p2_asOf)))
      WITH r2, m2, startNode(r2) = n AS outgoing2
      ORDER BY m2.nameKey, m2.id, type(r2), outgoing2, r2.key
      SKIP toInteger($p2_offset) LIMIT toInteger($p2_limit)
      RETURN [type(r2), outgoing2, r2.id, m2.id, m2.name, m2.kind]
    }
  END,
  f1: CASE
    WHEN n.kind = $p3_on THEN COLLECT {
      MATCH (n)-[r3:BASED_IN]->(m3:Entity)
      WHERE ($p3_types IS NULL OR type(r3) IN $p3_types) AND ($p3_kinds IS NULL OR m3.kind IN $p3_kinds) AND ($p3_asOf IS NULL OR ((r3.validFrom IS NULL OR r3.validFrom <= $p3_asOf) AND (r3.validUntil IS NULL OR r3.validUntil > $p3_asOf)))
      WITH r3, m3, startNode(r3) = n AS outgoing3
      ORDER BY m3.nameKey, m3.id, type(r3), outgoing3, r3.key
      SKIP toInteger($p3_offset) LIMIT toInteger($p3_limit)
      RETURN [type(r3), outgoing3, r3.id, m3.id, m3.name, m3.kind]
    }
  END,
  f2: CASE
    WHEN n.kind = $p4_on THEN COLLECT {
      MATCH (n)<-[r4:PART_OF]-(m4:Entity)
      WHERE ($p4_types IS NULL OR type(r4) IN $p4_types) AND ($p4_kinds IS NULL OR m4.kind IN $p4_kinds) AND ($p4_asOf IS NULL OR ((r4.validFrom IS NULL OR r4.validFrom <= $p4_asOf) AND (r4.validUntil IS NULL OR r4.validUntil > $p4_asOf)))
      WITH r4, m4, startNode(r4) = n AS outgoing4
      ORDER BY m4.nameKey, m4.id, type(r4), outgoing4, r4.key
      SKIP toInteger($p4_offset) LIMIT toInteger($p4_limit)
      RETURN [type(r4), outgoing4, r4.id, m4.id, m4.name, m4.kind]
    }
  END
} AS fields
// $id = "company:resonac"
// $p0_types = ["APPROVED_SUPPLY_PLAN_FOR","PRODUCES","DEVELOPS"]
// $p0_kinds = ["Material"]
// $p0_asOf = null
// $p0_offset = 0
// $p0_limit = 500
// $p1_types = ["PART_OF"]
// $p1_kinds = ["Material"]
// $p1_asOf = null
// $p1_offset = 0
// $p1_limit = 1
// $p0_on = "Company"
// $p2_types = ["APPROVED_SUPPLY_PLAN_FOR","PRODUCES","DEVELOPS"]
// $p2_kinds = ["Company"]
// $p2_asOf = null
// $p2_offset = 0
// $p2_limit = 500
// $p2_on = "Material"
// $p3_types = ["BASED_IN"]
// $p3_kinds = ["Country"]
// $p3_asOf = null
// $p3_offset = 0
// $p3_limit = 1
// $p3_on = "Company"
// $p4_types = ["PART_OF"]
// $p4_kinds = ["Material"]
// $p4_asOf = null
// $p4_offset = 0
// $p4_limit = 500
// $p4_on = "Material"

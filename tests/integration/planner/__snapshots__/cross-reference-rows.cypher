// cross-reference.page
UNWIND $categories AS categoryId
MATCH (named:Entity {id: categoryId})<-[:PART_OF*0..4]-(m:Material)
WHERE named:Material
WITH DISTINCT m

CALL (m) {
  OPTIONAL MATCH path = (m)-[:PART_OF*0..4]->(category:Material)
  WHERE EXISTS { (:Law)-[:DESIGNATES]->(category) }
  RETURN category AS cat
  ORDER BY length(path)
  LIMIT 1
}
WITH m, cat
WHERE cat.id IN $categories
MATCH (c:Company)-[r]->(m)
WHERE type(r) IN $linkTypes
  AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validUntil IS NULL OR r.validUntil > $asOf)))
  AND ($programs IS NULL OR r.program IN $programs)
WITH c, r, m, cat
WHERE ($companies IS NULL OR c.id IN $companies)
  AND ($countries IS NULL OR EXISTS { (c)-[:BASED_IN]->(k:Country) WHERE k.id IN $countries })
WITH c, r, m, cat
ORDER BY toLower(c.name), c.id, toLower(cat.name), toLower(m.name), m.id, type(r), r.key
SKIP toInteger($offset) LIMIT toInteger($limit)
OPTIONAL MATCH (p:Entity {id: r.program})
RETURN properties(c) AS company, properties(m) AS material, properties(cat) AS category,
       type(r) AS type, properties(r) AS rel, properties(p) AS program, {
  f0: COLLECT {
    MATCH (c)-[r0:BASED_IN]->(m0:Entity)
    WHERE ($p0_types IS NULL OR type(r0) IN $p0_types) AND ($p0_kinds IS NULL OR m0.kind IN $p0_kinds) AND ($p0_asOf IS NULL OR ((r0.validFrom IS NULL OR r0.validFrom <= $p0_asOf) AND (r0.validUntil IS NULL OR r0.validUntil > $p0_asOf)))
    WITH r0, m0, startNode(r0) = c AS outgoing0
    ORDER BY m0.nameKey, m0.id, type(r0), outgoing0, r0.key
    SKIP toInteger($p0_offset) LIMIT toInteger($p0_limit)
    RETURN [type(r0), outgoing0, r0.id, m0.id, m0.name, m0.kind]
  }
} AS companyFields, {
  f0: COLLECT {
    MATCH (m)-[r1:PART_OF]->(m1:Entity)
    WHERE ($p1_types IS NULL OR type(r1) IN $p1_types) AND ($p1_kinds IS NULL OR m1.kind IN $p1_kinds) AND ($p1_asOf IS NULL OR ((r1.validFrom IS NULL OR r1.validFrom <= $p1_asOf) AND (r1.validUntil IS NULL OR r1.validUntil > $p1_asOf)))
    WITH r1, m1, startNode(r1) = m AS outgoing1
    ORDER BY m1.nameKey, m1.id, type(r1), outgoing1, r1.key
    SKIP toInteger($p1_offset) LIMIT toInteger($p1_limit)
    RETURN [type(r1), outgoing1, r1.id, m1.id, m1.name, m1.kind]
  }
} AS materialFields, {
  f0: COLLECT {
    MATCH (cat)<-[r2:DESIGNATES]-(m2:Entity)
    WHERE ($p2_types IS NULL OR type(r2) IN $p2_types) AND ($p2_kinds IS NULL OR m2.kind IN $p2_kinds) AND ($p2_asOf IS NULL OR ((r2.validFrom IS NULL OR r2.validFrom <= $p2_asOf) AND (r2.validUntil IS NULL OR r2.validUntil > $p2_asOf)))
    WITH r2, m2, startNode(r2) = cat AS outgoing2
    ORDER BY m2.nameKey, m2.id, type(r2), outgoing2, r2.key
    SKIP toInteger($p2_offset) LIMIT toInteger($p2_limit)
    RETURN [type(r2), outgoing2, r2.id, m2.id, m2.name, m2.kind]
  }
} AS categoryFields, {
  f0: COLLECT {
    MATCH (p)<-[r3:ADMINISTERS]-(m3:Entity)
    WHERE ($p3_types IS NULL OR type(r3) IN $p3_types) AND ($p3_kinds IS NULL OR m3.kind IN $p3_kinds) AND ($p3_asOf IS NULL OR ((r3.validFrom IS NULL OR r3.validFrom <= $p3_asOf) AND (r3.validUntil IS NULL OR r3.validUntil > $p3_asOf)))
    WITH r3, m3, startNode(r3) = p AS outgoing3
    ORDER BY m3.nameKey, m3.id, type(r3), outgoing3, r3.key
    SKIP toInteger($p3_offset) LIMIT toInteger($p3_limit)
    RETURN [type(r3), outgoing3, r3.id, m3.id, m3.name, m3.kind]
  }
} AS programFields
// $linkTypes = ["APPROVED_SUPPLY_PLAN_FOR","PRODUCES","DEVELOPS"]
// $companies = null
// $countries = null
// $programs = null
// $categories = ["material:semiconductors"]
// $minCategories = null
// $asOf = null
// $offset = 0
// $limit = 6
// $p0_types = ["BASED_IN"]
// $p0_kinds = ["Country"]
// $p0_asOf = null
// $p0_offset = 0
// $p0_limit = 1
// $p1_types = ["PART_OF"]
// $p1_kinds = ["Material"]
// $p1_asOf = null
// $p1_offset = 0
// $p1_limit = 1
// $p2_types = ["DESIGNATES"]
// $p2_kinds = null
// $p2_asOf = null
// $p2_offset = 0
// $p2_limit = 500
// $p3_types = ["ADMINISTERS"]
// $p3_kinds = null
// $p3_asOf = null
// $p3_offset = 0
// $p3_limit = 500

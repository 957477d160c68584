// Company.page
MATCH (a:Entity) WHERE a.id IN $anchorIds
MATCH (n)-[:BASED_IN]->(a)
WITH DISTINCT n
WHERE n.kind = $kind
  AND (EXISTS { MATCH (n)-[:BASED_IN]->(mw0) WHERE mw0.kind IN $w1 AND mw0.id = $w2 } AND EXISTS { MATCH (n)-[:APPROVED_SUPPLY_PLAN_FOR]->(mw3) WHERE mw3.kind IN $w4 })
WITH n
ORDER BY COUNT { MATCH (n)-[:APPROVED_SUPPLY_PLAN_FOR|PRODUCES|DEVELOPS]->(c) WHERE c.kind IN ['Material'] } DESC, n.id
SKIP toInteger($offset) LIMIT toInteger($limit)
RETURN properties(n) AS props, {
  f0: COLLECT {
    MATCH (n)-[r0:APPROVED_SUPPLY_PLAN_FOR|PRODUCES|DEVELOPS]->(m0:Entity)
    WHERE ($p0_types IS NULL OR type(r0) IN $p0_types) AND ($p0_kinds IS NULL OR m0.kind IN $p0_kinds) AND ($p0_asOf IS NULL OR ((r0.validFrom IS NULL OR r0.validFrom <= $p0_asOf) AND (r0.validUntil IS NULL OR r0.validUntil > $p0_asOf))) AND m0.nameKey CONTAINS $p0_w0
    WITH r0, m0, startNode(r0) = n AS outgoing0
    ORDER BY m0.nameKey DESC, m0.nameKey, m0.id, type(r0), outgoing0, r0.key
    SKIP toInteger($p0_offset) LIMIT toInteger($p0_limit)
    RETURN [type(r0), outgoing0, r0.id, m0.id, m0.name, m0.kind]
  }
} AS fields
// $w1 = ["Country"]
// $w2 = "country:japan"
// $w4 = ["Material"]
// $kind = "Company"
// $anchorIds = ["country:japan"]
// $p0_types = ["APPROVED_SUPPLY_PLAN_FOR","PRODUCES","DEVELOPS"]
// $p0_kinds = ["Material"]
// $p0_asOf = null
// $p0_offset = 0
// $p0_limit = 500
// $p0_w0 = "semi"
// $offset = 0
// $limit = 10

// Company.count
MATCH (a:Entity) WHERE a.id IN $anchorIds
MATCH (n)-[:BASED_IN]->(a)
WITH DISTINCT n
WHERE n.kind = $kind
  AND (EXISTS { MATCH (n)-[:BASED_IN]->(mw0) WHERE mw0.kind IN $w1 AND mw0.id = $w2 } AND EXISTS { MATCH (n)-[:APPROVED_SUPPLY_PLAN_FOR]->(mw3) WHERE mw3.kind IN $w4 })
RETURN count(n) AS total
// $w1 = ["Country"]
// $w2 = "country:japan"
// $w4 = ["Material"]
// $kind = "Company"
// $anchorIds = ["country:japan"]

// Material.page
MATCH (n:Entity)
WHERE n.kind = $kind
  AND n.id IN $w0
WITH n
ORDER BY n.nameKey, n.id
SKIP toInteger($offset) LIMIT toInteger($limit)
RETURN properties(n) AS props, {
  f0: COLLECT {
    MATCH (n)<-[r0:APPROVED_SUPPLY_PLAN_FOR|PRODUCES|DEVELOPS]-(m0:Entity)
    WHERE ($p0_types IS NULL OR type(r0) IN $p0_types) AND ($p0_kinds IS NULL OR m0.kind IN $p0_kinds) AND ($p0_asOf IS NULL OR ((r0.validFrom IS NULL OR r0.validFrom <= $p0_asOf) AND (r0.validUntil IS NULL OR r0.validUntil > $p0_asOf))) AND NOT EXISTS { MATCH (m0)-[:BASED_IN]->(mp0_w0) WHERE mp0_w0.kind IN $p0_w1 }
    WITH r0, m0, startNode(r0) = n AS outgoing0
    ORDER BY m0.nameKey, m0.id, type(r0), outgoing0, r0.key
    SKIP toInteger($p0_offset) LIMIT toInteger($p0_limit)
    RETURN [type(r0), outgoing0, r0.id, m0.id, m0.name, m0.kind]
  }
} AS fields
// $w0 = ["material:neon","material:helium"]
// $kind = "Material"
// $p0_types = ["APPROVED_SUPPLY_PLAN_FOR","PRODUCES","DEVELOPS"]
// $p0_kinds = ["Company"]
// $p0_asOf = null
// $p0_offset = 0
// $p0_limit = 500
// $p0_w1 = ["Country"]
// $offset = 0
// $limit = 21

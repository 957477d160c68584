// id and name (Company; index: true)
(n.id IN $w0 AND (n.nameKey = $w1 AND n.name = $w2 AND n.nameKey STARTS WITH $w3))
// $w0 = ["company:tsmc"]
// $w1 = "tsmc"
// $w2 = "TSMC"
// $w3 = "ts"

// money in a currency (Budget; index: false)
((n.currency = $w0 AND n.amount >= $w2) AND n.fiscalYear IN $w4)
// $w0 = "JPY"
// $w2 = 100000000000
// $w4 = [2022,2023]

// a partial date, each operator (Law; index: false)
any(dw0 IN [CASE size(toString(coalesce(n.since, n.date, n.asOf))) WHEN 4 THEN toString(coalesce(n.since, n.date, n.asOf)) + '-01-01' WHEN 7 THEN toString(coalesce(n.since, n.date, n.asOf)) + '-01' ELSE toString(coalesce(n.since, n.date, n.asOf)) END] WHERE (dw0 >= $w1 AND dw0 <= $w2) AND dw0 > $w3 AND dw0 >= $w4 AND dw0 < $w5 AND dw0 <= $w6)
// $w1 = "2022-01-01"
// $w2 = "2022-12-31"
// $w3 = "2020-04-30"
// $w4 = "2019-01-01"
// $w5 = "2030-01-01"
// $w6 = "2029-12-31"

// a string property, ignoring case (Target; index: false)
((toLower(n.unit) CONTAINS $w1 AND toLower(n.unit) STARTS WITH $w2) AND n.value IS NOT NULL)
// $w1 = "gwh"
// $w2 = "g"

// relationships: some, none, all and via, nested (Company; index: false)
(EXISTS { MATCH (n)-[:BASED_IN]->(mw0) WHERE mw0.kind IN $w1 AND mw0.id = $w2 } AND EXISTS { MATCH (n)-[:APPROVED_SUPPLY_PLAN_FOR]->(mw3) WHERE mw3.kind IN $w4 AND EXISTS { MATCH (mw3)-[:PART_OF]->(mw5) WHERE mw5.kind IN $w6 AND mw5.id = $w7 } } AND NOT EXISTS { MATCH (n)-[:OPERATES]->(mw8) WHERE mw8.kind IN $w9 } AND NOT EXISTS { MATCH (n)<-[:SUBSIDIARY_OF]-(mw10) WHERE mw10.kind IN $w11 AND NOT (mw10.nameKey STARTS WITH $w12) })
// $w1 = ["Country"]
// $w2 = "country:japan"
// $w4 = ["Material"]
// $w6 = ["Material"]
// $w7 = "material:semiconductors"
// $w9 = ["Facility"]
// $w11 = ["Company"]
// $w12 = "k"

// AND, OR, NOT (Material; index: false)
((false AND NOT (EXISTS { MATCH (n)<-[:APPROVED_SUPPLY_PLAN_FOR|PRODUCES|DEVELOPS]-(mw0) WHERE mw0.kind IN $w1 })) AND (n.id = $w2))
// $w1 = ["Company"]
// $w2 = "material:neon"

// the common fields of any kind (Entity; index: true)
(n.kind IN $w0 AND n.documentId = $w1)
// $w0 = ["Company","Material"]
// $w1 = "doc"

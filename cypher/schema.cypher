// The graph schema: constraints and indexes, applied at every start (each statement is idempotent).
// Every knowledge-graph node carries the label Entity plus one label for its kind (Company, Material, ...);
// source documents are Document nodes, their headings Section nodes, and every citation a Citation node.

// Ids are unique across all kinds, so one lookup by id finds any entity.
CREATE CONSTRAINT entity_id_unique IF NOT EXISTS
FOR (n:Entity) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT document_id_unique IF NOT EXISTS
FOR (d:Document) REQUIRE d.id IS UNIQUE;

// Listing entities by kind, in name order (nameKey is the lowercased name) or id order: the composite indexes
// give the order for one kind, the single ones for all kinds, so a page reads only its rows.
CREATE INDEX entity_kind IF NOT EXISTS
FOR (n:Entity) ON (n.kind);

CREATE INDEX entity_name_key IF NOT EXISTS
FOR (n:Entity) ON (n.nameKey);

CREATE INDEX entity_kind_name_key IF NOT EXISTS
FOR (n:Entity) ON (n.kind, n.nameKey);

CREATE INDEX entity_kind_id IF NOT EXISTS
FOR (n:Entity) ON (n.kind, n.id);

// Most connected first: every writer keeps each entity's degree (src/store/entity-degrees.ts), so a page in degree
// order walks these indexes backwards, for one kind or for all, and reads its rows only.
CREATE INDEX entity_degree IF NOT EXISTS
FOR (n:Entity) ON (n.degree);

CREATE INDEX entity_kind_degree IF NOT EXISTS
FOR (n:Entity) ON (n.kind, n.degree);

// Ranked search over names, aliases (aliasText joins the aliases list) and descriptions, with the default
// analyzer (no stemming, no stop words): src/graph/search-entities.ts adds plural forms and fuzzy terms itself.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliasText, n.description];

// Replacing a document's entities on a re-load finds them by document.
CREATE INDEX entity_document IF NOT EXISTS
FOR (n:Entity) ON (n.documentId);

// Provenance (src/graph/facts.ts): a document's sections, and its citations by section or by table row.
CREATE CONSTRAINT section_id_unique IF NOT EXISTS
FOR (s:Section) REQUIRE s.id IS UNIQUE;

CREATE INDEX section_document IF NOT EXISTS
FOR (s:Section) ON (s.documentId);

CREATE CONSTRAINT citation_id_unique IF NOT EXISTS
FOR (c:Citation) REQUIRE c.id IS UNIQUE;

CREATE INDEX citation_document IF NOT EXISTS
FOR (c:Citation) ON (c.documentId);

CREATE INDEX citation_section IF NOT EXISTS
FOR (c:Citation) ON (c.documentId, c.section);

CREATE INDEX citation_table_row IF NOT EXISTS
FOR (c:Citation) ON (c.documentId, c.table, c.row);

// Curated writes (src/curation/): the audit log, one entry per write, and the idempotency keys that make a retried
// write apply once (two concurrent retries cannot both commit).
CREATE CONSTRAINT audit_entry_id_unique IF NOT EXISTS
FOR (a:AuditEntry) REQUIRE a.id IS UNIQUE;

CREATE CONSTRAINT audit_entry_idempotency_key_unique IF NOT EXISTS
FOR (a:AuditEntry) REQUIRE a.idempotencyKey IS UNIQUE;

CREATE INDEX audit_entry_at IF NOT EXISTS
FOR (a:AuditEntry) ON (a.at);

// The change feed (src/subscriptions/) reads the log in commit order: by the graph version each write produced.
CREATE INDEX audit_entry_graph_version IF NOT EXISTS
FOR (a:AuditEntry) ON (a.graphVersion);

// The facts a curator created, changed or removed (by entity or relationship id): the seed leaves them as they are.
CREATE CONSTRAINT curated_fact_id_unique IF NOT EXISTS
FOR (f:CuratedFact) REQUIRE f.id IS UNIQUE;

// The graph's version: one node, bumped by every write (src/store/graph-version.ts); cached analytics key on it.
CREATE CONSTRAINT graph_version_id_unique IF NOT EXISTS
FOR (v:GraphVersion) REQUIRE v.id IS UNIQUE;

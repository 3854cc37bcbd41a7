// Neo4j 5: constraints and indexes, applied idempotently at start. Every model node carries
// :Entity beside its own label, and ids are unique across labels.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT meta_id IF NOT EXISTS FOR (m:Meta) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT investigation_id IF NOT EXISTS FOR (i:Investigation) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT case_link_judgement_id IF NOT EXISTS FOR (j:CaseLinkJudgement) REQUIRE j.id IS UNIQUE;
CREATE CONSTRAINT sheet_mapping_id IF NOT EXISTS FOR (m:SheetMapping) REQUIRE m.id IS UNIQUE;
CREATE INDEX entity_label IF NOT EXISTS FOR (n:Entity) ON (n.label);
CREATE INDEX entity_number IF NOT EXISTS FOR (n:Entity) ON (n.number);
CREATE INDEX entity_case_no IF NOT EXISTS FOR (n:Entity) ON (n.caseNo);
CREATE INDEX entity_handle IF NOT EXISTS FOR (n:Entity) ON (n.handle);
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.holderName, n.caseNo, n.handle, n.summary];
CREATE INDEX suspect_in_key IF NOT EXISTS FOR ()-[r:SUSPECT_IN]-() ON (r.key);
CREATE INDEX victim_in_key IF NOT EXISTS FOR ()-[r:VICTIM_IN]-() ON (r.key);
CREATE INDEX holds_key IF NOT EXISTS FOR ()-[r:HOLDS]-() ON (r.key);
CREATE INDEX uses_key IF NOT EXISTS FOR ()-[r:USES]-() ON (r.key);
CREATE INDEX owns_key IF NOT EXISTS FOR ()-[r:OWNS]-() ON (r.key);
CREATE INDEX involves_key IF NOT EXISTS FOR ()-[r:INVOLVES]-() ON (r.key);
CREATE INDEX transferred_key IF NOT EXISTS FOR ()-[r:TRANSFERRED]-() ON (r.key);
CREATE INDEX called_key IF NOT EXISTS FOR ()-[r:CALLED]-() ON (r.key);
CREATE INDEX contacted_key IF NOT EXISTS FOR ()-[r:CONTACTED]-() ON (r.key);
CREATE INDEX member_of_key IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.key);
CREATE INDEX reports_to_key IF NOT EXISTS FOR ()-[r:REPORTS_TO]-() ON (r.key);
CREATE INDEX knows_key IF NOT EXISTS FOR ()-[r:KNOWS]-() ON (r.key);
CREATE INDEX transferred_at IF NOT EXISTS FOR ()-[r:TRANSFERRED]-() ON (r.at);

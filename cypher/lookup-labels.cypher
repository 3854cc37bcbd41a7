// Internal: which of these ids exist and with which label (the importer's checks). Not viewer-filtered.
// `WHERE n.id = id` rather than `{id: id}`: the same plan on Neo4j, half the time on Kuzu 0.11.
UNWIND $ids AS id
MATCH (n:Entity)
WHERE n.id = id
RETURN n.id AS id, n.label AS label

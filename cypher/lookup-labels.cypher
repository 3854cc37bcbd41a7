// Internal: which of these ids exist and with which label (the importer's checks). Not viewer-filtered.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.label AS label

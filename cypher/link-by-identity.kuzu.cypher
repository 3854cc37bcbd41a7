// One link by its identity (type, ends, key), whoever owns it: the embedded store's cache re-reads what a write changed.
MATCH (a:Entity {id: $fromId})-[r]->(b:Entity {id: $toId})
WHERE label(r) = $type AND r.key = $key
RETURN a.id AS from, b.id AS to, r

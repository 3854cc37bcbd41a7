// One node by id, whoever owns it: the embedded store's cache re-reads what a write changed.
MATCH (n:Entity {id: $id})
RETURN n

// The other side of a money trail's layer: the visible transfers into these cards, no earlier than $after.
UNWIND $ids AS id
MATCH (a:Entity)-[r:TRANSFERRED]->(b:Entity {id: id})
WHERE r.at >= $after
  AND a.owners =~ $ownerPattern AND b.owners =~ $ownerPattern AND r.owners =~ $ownerPattern
RETURN a.id AS from, b.id AS to, r

// One layer of a money trail: the visible transfers out of these cards, no earlier than $after.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r:TRANSFERRED]->(b:Entity)
WHERE r.at >= $after
  AND a.owners =~ $ownerPattern AND b.owners =~ $ownerPattern AND r.owners =~ $ownerPattern
RETURN a.id AS from, b.id AS to, r

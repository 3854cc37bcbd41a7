// Every visible link among the given nodes, of the given types, inside the time window.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE b.id IN $among
  AND a.owners =~ $ownerPattern AND b.owners =~ $ownerPattern AND r.owners =~ $ownerPattern
  AND type(r) IN $linkTypes
  AND (r.at IS NULL OR (r.at >= $from AND r.at <= $to))
RETURN a.id AS from, b.id AS to, r

MATCH (p:Entity)-[m:MEMBER_OF]->(g:Entity {id: $gangId})
WHERE p.owners =~ $ownerPattern AND m.owners =~ $ownerPattern
RETURN p AS n, m.layer AS layer, m.since AS since
ORDER BY p.id

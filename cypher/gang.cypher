MATCH (g:Entity {id: $gangId})
WHERE g.label = 'Gang' AND g.owners =~ $ownerPattern
RETURN g AS n

MATCH (n:Entity {id: $id})
WHERE n.owners =~ $ownerPattern
RETURN n

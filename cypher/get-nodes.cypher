UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.owners =~ $ownerPattern
RETURN n

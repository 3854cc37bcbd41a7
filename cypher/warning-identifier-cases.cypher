// Early warning: the cases that involve these phones and accounts.
UNWIND $ids AS id
MATCH (c:Entity)-[r:INVOLVES]->(i:Entity {id: id})
WHERE c.label = 'Case' AND c.owners =~ $ownerPattern AND r.owners =~ $ownerPattern AND i.owners =~ $ownerPattern
RETURN DISTINCT c.id AS id

// Early warning: who uses or owns these phones and accounts, and every case or gang each of them is in.
UNWIND $ids AS id
MATCH (p:Entity)-[u:USES|OWNS]->(i:Entity {id: id})
WHERE p.label = 'Person' AND p.owners =~ $ownerPattern AND u.owners =~ $ownerPattern AND i.owners =~ $ownerPattern
OPTIONAL MATCH (p)-[r:VICTIM_IN|SUSPECT_IN|MEMBER_OF]->(x:Entity)
WHERE r.owners =~ $ownerPattern AND x.owners =~ $ownerPattern
RETURN i.id AS identifier, p AS person, type(r) AS role

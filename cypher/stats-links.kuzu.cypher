MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.owners =~ $ownerPattern AND a.owners =~ $ownerPattern AND b.owners =~ $ownerPattern
RETURN label(r) AS type, count(*) AS count

// Early warning: every phone that placed a call, with how many numbers it called and whether anyone is known to use it.
MATCH (a:Entity)-[r:CALLED]->(b:Entity)
WHERE a.label = 'Phone' AND a.owners =~ $ownerPattern AND r.owners =~ $ownerPattern AND b.owners =~ $ownerPattern
WITH a, count(DISTINCT b) AS callees
OPTIONAL MATCH (p:Entity)-[u:USES]->(a)
WHERE u.owners =~ $ownerPattern AND p.owners =~ $ownerPattern
RETURN a.id AS id, a.number AS number, callees, count(p) AS users

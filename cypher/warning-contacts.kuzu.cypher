// Early warning: the calls and messages out of these phones and accounts.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r:CALLED|CONTACTED]->(b:Entity)
WHERE a.owners =~ $ownerPattern AND r.owners =~ $ownerPattern AND b.owners =~ $ownerPattern
RETURN a.id AS from, b.id AS to, b.label AS label, label(r) AS type, r.at AS at, r.seconds AS seconds

// Early warning: the phones and online accounts victims use or own (never a gang's, and their users are not warned).
MATCH (v:Entity)-[r:VICTIM_IN]->(c:Entity)
WHERE v.owners =~ $ownerPattern AND r.owners =~ $ownerPattern AND c.owners =~ $ownerPattern
MATCH (v)-[u:USES|OWNS]->(i:Entity)
WHERE i.label IN ['Phone', 'OnlineAccount'] AND u.owners =~ $ownerPattern AND i.owners =~ $ownerPattern
RETURN DISTINCT i.id AS id

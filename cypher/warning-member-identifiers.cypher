// Early warning: the phones and online accounts gang members use or own ($gangId '' for every gang).
MATCH (p:Entity)-[m:MEMBER_OF]->(g:Entity)
WHERE ($gangId = '' OR g.id = $gangId)
  AND p.owners =~ $ownerPattern AND m.owners =~ $ownerPattern AND g.owners =~ $ownerPattern
MATCH (p)-[u:USES|OWNS]->(i:Entity)
WHERE i.label IN ['Phone', 'OnlineAccount'] AND u.owners =~ $ownerPattern AND i.owners =~ $ownerPattern
RETURN DISTINCT i.id AS id, g.id AS gang

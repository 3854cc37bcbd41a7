// Early warning: the cases a gang's members are suspects in.
MATCH (p:Entity)-[m:MEMBER_OF]->(g:Entity {id: $gangId})
WHERE p.owners =~ $ownerPattern AND m.owners =~ $ownerPattern AND g.owners =~ $ownerPattern
MATCH (p)-[s:SUSPECT_IN]->(c:Entity)
WHERE c.label = 'Case' AND s.owners =~ $ownerPattern AND c.owners =~ $ownerPattern
RETURN DISTINCT c.id AS id

// The visible cases with a visible suspect.
MATCH (p:Entity)-[s:SUSPECT_IN]->(c:Entity)
WHERE c.label = 'Case' AND c.owners =~ $ownerPattern AND s.owners =~ $ownerPattern AND p.owners =~ $ownerPattern
RETURN DISTINCT c.id AS id

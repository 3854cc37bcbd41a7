// The visible cases that involve each of $ids (or have it as a suspect), through visible links.
MATCH (i:Entity)-[r:INVOLVES|SUSPECT_IN]-(c:Entity)
WHERE i.id IN $ids AND c.label = 'Case' AND i.owners =~ $ownerPattern AND r.owners =~ $ownerPattern AND c.owners =~ $ownerPattern
RETURN DISTINCT i.id AS id, c.id AS caseId

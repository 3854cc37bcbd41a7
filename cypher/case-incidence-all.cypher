// What the cases involve (cards, phones, accounts, devices) and who is a suspect in them: every visible case, through visible links.
MATCH (c:Entity)-[r:INVOLVES|SUSPECT_IN]-(i:Entity)
WHERE c.label = 'Case' AND c.owners =~ $ownerPattern AND r.owners =~ $ownerPattern AND i.owners =~ $ownerPattern
RETURN DISTINCT c.id AS caseId, i.id AS id, i.label AS label

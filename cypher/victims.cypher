// The persons among $ids who are victims in a case the viewer sees, through a VICTIM_IN link the viewer sees: whose names masking hides.
UNWIND $ids AS id
MATCH (p:Entity {id: id})-[r:VICTIM_IN]->(c:Entity)
WHERE p.owners =~ $ownerPattern AND c.owners =~ $ownerPattern AND r.owners =~ $ownerPattern
RETURN DISTINCT p.id AS id

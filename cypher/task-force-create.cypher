// A new task force (专案组). MERGE so a driver retry does not fail on its own write.
MERGE (t:TaskForce {id: $id})
ON CREATE SET t.name = $name, t.purpose = $purpose, t.lead = $lead, t.agency = $agency, t.createdAt = $createdAt
RETURN t.id AS id, t.name AS name, t.purpose AS purpose, t.lead AS lead, t.agency AS agency, t.createdAt AS createdAt

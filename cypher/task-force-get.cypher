MATCH (t:TaskForce {id: $id})
RETURN t.id AS id, t.name AS name, t.purpose AS purpose, t.lead AS lead, t.agency AS agency, t.createdAt AS createdAt

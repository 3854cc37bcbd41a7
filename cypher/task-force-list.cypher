// Every task force; who may see which is the service's rule (membership), over this short list.
MATCH (t:TaskForce)
RETURN t.id AS id, t.name AS name, t.purpose AS purpose, t.lead AS lead, t.agency AS agency, t.createdAt AS createdAt
ORDER BY createdAt DESC, id

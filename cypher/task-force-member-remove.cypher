MATCH (m:TaskForceMember {id: $id})
WITH m, m.id AS id
DELETE m
RETURN id

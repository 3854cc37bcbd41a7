MATCH (s:Session {id: $id})
SET s.revokedAt = $at
RETURN s.id AS id

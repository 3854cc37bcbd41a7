// Marks an active share revoked; no row when unknown or revoked already.
MATCH (s:Share {id: $id})
WHERE s.revokedAt = ''
SET s.revokedAt = $at, s.revokedBy = $by
RETURN s.id AS id

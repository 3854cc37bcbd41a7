MERGE (s:Session {id: $id})
ON CREATE SET s.userId = $userId, s.createdAt = $createdAt, s.expiresAt = $expiresAt, s.revokedAt = ''
RETURN s.id AS id

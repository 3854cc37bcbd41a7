// Sessions logged out before they expired: a server refuses their tokens until then.
MATCH (s:Session)
WHERE s.revokedAt <> '' AND s.expiresAt > $now
RETURN s.id AS id

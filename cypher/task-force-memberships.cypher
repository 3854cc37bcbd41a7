// The task forces a user belongs to: as itself, or through one of its agencies.
MATCH (m:TaskForceMember)
WHERE (m.kind = 'user' AND m.member = $userId) OR (m.kind = 'agency' AND m.member IN $agencies)
RETURN DISTINCT m.taskForceId AS taskForceId

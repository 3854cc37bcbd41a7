MATCH (m:TaskForceMember)
WHERE m.taskForceId = $taskForceId
RETURN m.taskForceId AS taskForceId, m.kind AS kind, m.member AS member, m.addedAt AS addedAt, m.addedBy AS addedBy
ORDER BY addedAt, member

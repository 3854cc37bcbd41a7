// The shares into a task force or to a principal ('' matches any), newest first.
MATCH (s:Share)
WHERE ($taskForceId = '' OR s.taskForceId = $taskForceId) AND ($principal = '' OR s.principal = $principal)
RETURN s.id AS id, s.taskForceId AS taskForceId, s.principal AS principal, s.caseId AS caseId, s.selection AS selection,
  s.agency AS agency, s.sharedBy AS sharedBy, s.sharedAt AS sharedAt, s.nodeIds AS nodeIds, s.linkIds AS linkIds,
  s.revokedAt AS revokedAt, s.revokedBy AS revokedBy
ORDER BY sharedAt DESC, id

MATCH (s:Share {id: $id})
RETURN s.id AS id, s.taskForceId AS taskForceId, s.principal AS principal, s.caseId AS caseId, s.selection AS selection,
  s.agency AS agency, s.sharedBy AS sharedBy, s.sharedAt AS sharedAt, s.nodeIds AS nodeIds, s.linkIds AS linkIds,
  s.revokedAt AS revokedAt, s.revokedBy AS revokedBy

// A share into a task force (or to all agencies). MERGE so a driver retry does not fail on its own write.
MERGE (s:Share {id: $id})
ON CREATE SET s.taskForceId = $taskForceId, s.principal = $principal, s.caseId = $caseId, s.selection = $selection,
  s.agency = $agency, s.sharedBy = $sharedBy, s.sharedAt = $sharedAt, s.nodeIds = $nodeIds, s.linkIds = $linkIds,
  s.revokedAt = '', s.revokedBy = ''
RETURN s.id AS id

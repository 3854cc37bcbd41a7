// CREATE, never MERGE: the id is the record's position in the chain, and a second writer of
// the same position must fail rather than be merged into the first.
CREATE (a:AuditRecord {id: $id, at: $at, userId: $userId, agency: $agency, action: $action, objectIds: $objectIds,
  outcome: $outcome, requestId: $requestId, detail: $detail, prevHash: $prevHash, hash: $hash})
RETURN a.id AS id

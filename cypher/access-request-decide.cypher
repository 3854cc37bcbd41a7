// Grants or refuses a pending request; a request decided already is left as it is (no row).
MATCH (r:AccessRequest {id: $id})
WHERE r.status = 'PENDING'
SET r.status = $status, r.decidedBy = $decidedBy, r.decidedAt = $now, r.note = $note, r.grantedCases = $grantedCases
RETURN r.id AS id, r.nodeId AS nodeId, r.requester AS requester, r.holder AS holder, r.requestedBy AS requestedBy,
  r.reason AS reason, r.requestedAt AS requestedAt, r.status AS status, r.decidedBy AS decidedBy,
  r.decidedAt AS decidedAt, r.note AS note, r.grantedCases AS grantedCases

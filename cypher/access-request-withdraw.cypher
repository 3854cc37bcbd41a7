// Withdraws a granted request; one that is not granted (any more) is left as it is (no row).
MATCH (r:AccessRequest {id: $id})
WHERE r.status = 'GRANTED'
SET r.status = 'WITHDRAWN', r.decidedBy = $decidedBy, r.decidedAt = $now, r.note = $note
RETURN r.id AS id, r.nodeId AS nodeId, r.requester AS requester, r.holder AS holder, r.requestedBy AS requestedBy,
  r.reason AS reason, r.requestedAt AS requestedAt, r.status AS status, r.decidedBy AS decidedBy,
  r.decidedAt AS decidedAt, r.note AS note, r.grantedCases AS grantedCases

// Every access request from $requester that stands granted, oldest first: all of them, however many requests came after.
MATCH (r:AccessRequest)
WHERE r.requester = $requester AND r.status = 'GRANTED'
RETURN r.id AS id, r.nodeId AS nodeId, r.requester AS requester, r.holder AS holder, r.requestedBy AS requestedBy,
  r.reason AS reason, r.requestedAt AS requestedAt, r.status AS status, r.decidedBy AS decidedBy,
  r.decidedAt AS decidedAt, r.note AS note, r.grantedCases AS grantedCases
ORDER BY requestedAt, id

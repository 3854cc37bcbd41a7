// Access requests to ($holders) or from ($requesters) these agencies, newest first.
MATCH (r:AccessRequest)
WHERE r.holder IN $holders OR r.requester IN $requesters
RETURN r.id AS id, r.nodeId AS nodeId, r.requester AS requester, r.holder AS holder, r.requestedBy AS requestedBy,
  r.reason AS reason, r.requestedAt AS requestedAt, r.status AS status, r.decidedBy AS decidedBy,
  r.decidedAt AS decidedAt, r.note AS note, r.grantedCases AS grantedCases
ORDER BY requestedAt DESC, id DESC
LIMIT 500

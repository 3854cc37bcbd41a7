// A new request for another agency's records around an identifier both hold. MERGE, not
// CREATE: the driver retries a transaction on transient errors, and a retry must not fail on its own id.
MERGE (r:AccessRequest {id: $id})
ON CREATE SET r.nodeId = $nodeId, r.requester = $requester, r.holder = $holder, r.requestedBy = $requestedBy,
  r.reason = $reason, r.requestedAt = $now, r.status = 'PENDING', r.decidedBy = '', r.decidedAt = '',
  r.note = '', r.grantedCases = ''
RETURN r.id AS id, r.nodeId AS nodeId, r.requester AS requester, r.holder AS holder, r.requestedBy AS requestedBy,
  r.reason AS reason, r.requestedAt AS requestedAt, r.status AS status, r.decidedBy AS decidedBy,
  r.decidedAt AS decidedAt, r.note AS note, r.grantedCases AS grantedCases

// One access request by id; who may see it is the service's to decide.
MATCH (r:AccessRequest {id: $id})
RETURN r.id AS id, r.nodeId AS nodeId, r.requester AS requester, r.holder AS holder, r.requestedBy AS requestedBy,
  r.reason AS reason, r.requestedAt AS requestedAt, r.status AS status, r.decidedBy AS decidedBy,
  r.decidedAt AS decidedAt, r.note AS note, r.grantedCases AS grantedCases

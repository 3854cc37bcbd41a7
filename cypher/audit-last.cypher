MATCH (a:AuditRecord)
WITH a ORDER BY a.id DESC LIMIT 1
RETURN a.id AS id, a.at AS at, a.userId AS userId, a.agency AS agency, a.action AS action, a.objectIds AS objectIds, a.outcome AS outcome,
  a.requestId AS requestId, a.detail AS detail, a.prevHash AS prevHash, a.hash AS hash

// A stretch of the chain by position (ids are zero-padded positions, so they sort as numbers).
MATCH (a:AuditRecord)
WHERE a.id > $after AND a.id <= $until
RETURN a.id AS id, a.at AS at, a.userId AS userId, a.agency AS agency, a.action AS action, a.objectIds AS objectIds, a.outcome AS outcome,
  a.requestId AS requestId, a.detail AS detail, a.prevHash AS prevHash, a.hash AS hash
ORDER BY id

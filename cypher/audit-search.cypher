// The trail as admins and leads read it: newest first, filtered; '' leaves a filter open.
MATCH (a:AuditRecord)
WHERE a.id < $before AND ($userId = '' OR a.userId = $userId) AND ($agency = '' OR a.agency = $agency)
  AND ($action = '' OR a.action = $action) AND a.at >= $from AND a.at <= $to
RETURN a.id AS id, a.at AS at, a.userId AS userId, a.agency AS agency, a.action AS action, a.objectIds AS objectIds, a.outcome AS outcome,
  a.requestId AS requestId, a.detail AS detail, a.prevHash AS prevHash, a.hash AS hash
ORDER BY id DESC
LIMIT toInteger($limit)

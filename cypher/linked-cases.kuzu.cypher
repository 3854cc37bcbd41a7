// Cases that involve one of this case's identifiers, or share a suspect with it.
MATCH (c:Entity {id: $caseId})-[r1]-(i:Entity)-[r2]-(other:Entity)
WHERE c.owners =~ $ownerPattern AND i.owners =~ $ownerPattern AND other.owners =~ $ownerPattern
  AND r1.owners =~ $ownerPattern AND r2.owners =~ $ownerPattern
  AND other.label = 'Case' AND other.id <> $caseId
  AND ((label(r1) = 'INVOLVES' AND label(r2) = 'INVOLVES') OR (label(r1) = 'SUSPECT_IN' AND label(r2) = 'SUSPECT_IN'))
RETURN DISTINCT other.id AS caseId, i.id AS sharedId, i.label AS sharedLabel
ORDER BY caseId, sharedId

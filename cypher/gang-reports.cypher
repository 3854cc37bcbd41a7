// Who reports to whom among the gang's visible members.
MATCH (g:Entity {id: $gangId})<-[m1:MEMBER_OF]-(p:Entity)-[r:REPORTS_TO]->(q:Entity)-[m2:MEMBER_OF]->(g)
WHERE p.owners =~ $ownerPattern AND q.owners =~ $ownerPattern
  AND m1.owners =~ $ownerPattern AND m2.owners =~ $ownerPattern AND r.owners =~ $ownerPattern
RETURN DISTINCT p.id AS from, q.id AS to
ORDER BY from, to

// The people who are suspects in the cases stats-cases counts.
MATCH (p:Entity)-[s:SUSPECT_IN]->(c:Entity)
WHERE c.label = 'Case' AND c.owners =~ $ownerPattern AND s.owners =~ $ownerPattern AND p.owners =~ $ownerPattern
  AND ($province = '' OR c.province = $province)
  AND ($category = '' OR c.category = $category)
  AND (c.reportedAt IS NULL OR (c.reportedAt >= $from AND c.reportedAt <= $to))
RETURN count(DISTINCT p.id) AS count

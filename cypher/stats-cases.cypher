// Grouped to the hour so that the domain can bucket months in Asia/Shanghai.
MATCH (c:Entity)
WHERE c.label = 'Case' AND c.owners =~ $ownerPattern
  AND ($province = '' OR c.province = $province)
  AND ($category = '' OR c.category = $category)
  AND (c.reportedAt IS NULL OR (c.reportedAt >= $from AND c.reportedAt <= $to))
RETURN c.category AS category, c.channel AS channel, c.province AS province, c.status AS status,
  left(c.reportedAt, 13) AS hour,
  count(*) AS cases, sum(coalesce(c.loss, 0)) AS loss, sum(coalesce(c.stopped, 0)) AS stopped,
  sum(coalesce(c.returned, 0)) AS returned

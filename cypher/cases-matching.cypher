// Every visible case matching a filter, with its money, newest first: the cases behind a figure of the report.
MATCH (c:Entity)
WHERE c.label = 'Case' AND c.owners =~ $ownerPattern
  AND ($province = '' OR c.province = $province)
  AND ($category = '' OR c.category = $category)
  AND ($channel = '' OR c.channel = $channel)
  AND ($status = '' OR c.status = $status)
  AND (c.reportedAt IS NULL OR (c.reportedAt >= $from AND c.reportedAt <= $to))
RETURN c.id AS id, c.reportedAt AS reportedAt, c.loss AS loss, c.stopped AS stopped, c.returned AS returned

// The visible cases among $ids, with what case linkage weighs of each.
MATCH (c:Entity)
WHERE c.id IN $ids AND c.label = 'Case' AND c.owners =~ $ownerPattern
RETURN c.id AS id, c.category AS category, c.reportedAt AS reportedAt, c.city AS city, c.district AS district

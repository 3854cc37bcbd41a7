MATCH (n:Entity)
WHERE n.owners =~ $ownerPattern
RETURN n.label AS label, count(*) AS count

MATCH (s:Source)
WHERE s.owner IN $agencies
RETURN count(*) AS count

MATCH (s:Source)
RETURN count(*) AS count

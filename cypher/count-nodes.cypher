MATCH (n:Entity)
RETURN count(*) AS count

MATCH ()-[r]->()
RETURN count(*) AS count

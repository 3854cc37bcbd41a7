// Neo4j: sources are evidence records; once stored they do not change.
UNWIND $rows AS row
OPTIONAL MATCH (old:Source {id: row.id})
WITH row, old IS NULL AS created
MERGE (s:Source {id: row.id})
  ON CREATE SET s += row, s.createdAt = $now
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created

// Neo4j: merge nodes by id. Owners gain the batch's agencies; given properties overwrite;
// the model label is added beside :Entity. Returns how many were created and how many changed.
UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {id: row.id})
WITH row, old IS NULL AS created, CASE WHEN old IS NULL THEN NULL ELSE properties(old) END AS before
MERGE (n:Entity {id: row.id})
  ON CREATE SET n.label = row.label, n.owners = '|', n.createdAt = $now, n.updatedAt = $now
SET n:$(row.label)
SET n += row.props
SET n.owners = reduce(o = n.owners, a IN row.owners | CASE WHEN o CONTAINS ('|' + a + '|') THEN o ELSE o + a + '|' END)
WITH n, created, before, properties(n) AS after
SET n.updatedAt = CASE WHEN NOT created AND before <> after THEN $now ELSE n.updatedAt END
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
  sum(CASE WHEN NOT created AND before <> after THEN 1 ELSE 0 END) AS updated

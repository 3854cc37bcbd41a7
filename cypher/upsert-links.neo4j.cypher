// Neo4j: merge links by (type, from, to, key). The first reporter stays `owner`; `owners` and
// `sources` gain the batch's; given properties overwrite. Returns created and changed counts.
// The type is dynamic (Neo4j 5.26); it comes from the model's enum, checked before this runs.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[old]->(b) WHERE type(old) = row.type AND old.key = row.key
WITH a, b, row, old IS NULL AS created, CASE WHEN old IS NULL THEN NULL ELSE properties(old) END AS before
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
  ON CREATE SET r.owner = row.owner, r.owners = '|', r.sources = [], r.createdAt = $now, r.createdBy = $by
SET r += row.props,
  r.owners = reduce(o = r.owners, x IN row.owners | CASE WHEN o CONTAINS ('|' + x + '|') THEN o ELSE o + x + '|' END),
  r.sources = r.sources + [s IN row.sources WHERE NOT s IN r.sources]
WITH created, before, properties(r) AS after
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
  sum(CASE WHEN NOT created AND before <> after THEN 1 ELSE 0 END) AS updated

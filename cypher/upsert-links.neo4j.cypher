// Neo4j: merge links by (type, from, to, key). The first reporter stays `owner`; `owners` and
// `sources` gain the batch's; given properties overwrite. Returns created and changed counts.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[old]->(b) WHERE type(old) = row.type AND old.key = row.key
WITH a, b, row, old IS NULL AS created, CASE WHEN old IS NULL THEN NULL ELSE properties(old) END AS before
FOREACH (_ IN CASE WHEN row.type = 'SUSPECT_IN' THEN [1] ELSE [] END |
  MERGE (a)-[r:SUSPECT_IN {key: row.key}]->(b)
    ON CREATE SET r.owner = row.owner, r.owners = '|', r.sources = [], r.createdAt = $now, r.createdBy = $by
  SET r += row.props,
    r.owners = reduce(o = r.owners, x IN row.owners | CASE WHEN o CONTAINS ('|' + x + '|') THEN o ELSE o + x + '|' END),
    r.sources = r.sources + [s IN row.sources WHERE NOT s IN r.sources])
FOREACH (_ IN CASE WHEN row.type = 'VICTIM_IN' THEN [1] ELSE [] END |
  MERGE (a)-[r:VICTIM_IN {key: row.key}]->(b)
    ON CREATE SET r.owner = row.owner, r.owners = '|', r.sources = [], r.createdAt = $now, r.createdBy = $by
  SET r += row.props,
    r.owners = reduce(o = r.owners, x IN row.owners | CASE WHEN o CONTAINS ('|' + x + '|') THEN o ELSE o + x + '|' END),
    r.sources = r.sources + [s IN row.sources WHERE NOT s IN r.sources])
FOREACH (_ IN CASE WHEN row.type = 'HOLDS' THEN [1] ELSE [] END |
  MERGE (a)-[r:HOLDS {key: row.key}]->(b)
    ON CREATE SET r.owner = row.owner, r.owners = '|', r.sources = [], r.createdAt = $now, r.createdBy = $by
  SET r += row.props,
    r.owners = reduce(o = r.owners, x IN row.owners | CASE WHEN o CONTAINS ('|' + x + '|') THEN o ELSE o + x + '|' END),
    r.sources = r.sources + [s IN row.sources WHERE NOT s IN r.sources])
FOREACH (_ IN CASE WHEN row.type = 'USES' THEN [1] ELSE [] END |
  MERGE (a)-[r:USES {key: row.key}]->(b)
    ON CREATE SET r.owner = row.owner, r.owners = '|', r.sources = [], r.createdAt = $now, r.createdBy = $by
  SET r += row.props,
    r.owners = reduce(o = r.owners, x IN row.owners | CASE WHEN o CONTAINS ('|' + x + '|') THEN o ELSE o + x + '|' END),
    r.sources = r.sources + [s IN row.sources WHERE NOT s IN r.sources])
FOREACH (_ IN CASE WHEN row.type = 'OWNS' THEN [1] ELSE [] END |
  MERGE (a)-[r:OWNS {key: row.key}]->(b)
    ON CREATE SET r.owner = row.owner, r.owners = '|', r.sources = [], r.createdAt = $now, r.createdBy = $by
  SET r += row.props,
    r.owners = reduce(o = r.owners, x IN row.owners | CASE WHEN o CONTAINS ('|' + x + '|') THEN o ELSE o + x + '|' END),
    r.sources = r.sources + [s IN row.sources WHERE NOT s IN r.sources])
FOREACH (_ IN CASE WHEN row.type = 'INVOLVES' THEN [1] ELSE [] END |
  MERGE (a)-[r:INVOLVES {key: row.key}]->(b)
    ON CREATE SET r.owner = row.owner, r.owners = '|', r.sources = [], r.createdAt = $now, r.createdBy = $by
  SET r += row.props,
    r.owners = reduce(o = r.owners, x IN row.owners | CASE WHEN o CONTAINS ('|' + x + '|') THEN o ELSE o + x + '|' END),
    r.sources = r.sources + [s IN row.sources WHERE NOT s IN r.sources])
FOREACH (_ IN CASE WHEN row.type = 'TRANSFERRED' THEN [1] ELSE [] END |
  MERGE (a)-[r:TRANSFERRED {key: row.key}]->(b)
    ON CREATE SET r.owner = row.owner, r.owners = '|', r.sources = [], r.createdAt = $now, r.createdBy = $by
  SET r += row.props,
    r.owners = reduce(o = r.owners, x IN row.owners | CASE WHEN o CONTAINS ('|' + x + '|') THEN o ELSE o + x + '|' END),
    r.sources = r.sources + [s IN row.sources WHERE NOT s IN r.sources])
FOREACH (_ IN CASE WHEN row.type = 'CALLED' THEN [1] ELSE [] END |
  MERGE (a)-[r:CALLED {key: row.key}]->(b)
    ON CREATE SET r.owner = row.owner, r.owners = '|', r.sources = [], r.createdAt = $now, r.createdBy = $by
  SET r += row.props,
    r.owners = reduce(o = r.owners, x IN row.owners | CASE WHEN o CONTAINS ('|' + x + '|') THEN o ELSE o + x + '|' END),
    r.sources = r.sources + [s IN row.sources WHERE NOT s IN r.sources])
FOREACH (_ IN CASE WHEN row.type = 'CONTACTED' THEN [1] ELSE [] END |
  MERGE (a)-[r:CONTACTED {key: row.key}]->(b)
    ON CREATE SET r.owner = row.owner, r.owners = '|', r.sources = [], r.createdAt = $now, r.createdBy = $by
  SET r += row.props,
    r.owners = reduce(o = r.owners, x IN row.owners | CASE WHEN o CONTAINS ('|' + x + '|') THEN o ELSE o + x + '|' END),
    r.sources = r.sources + [s IN row.sources WHERE NOT s IN r.sources])
FOREACH (_ IN CASE WHEN row.type = 'MEMBER_OF' THEN [1] ELSE [] END |
  MERGE (a)-[r:MEMBER_OF {key: row.key}]->(b)
    ON CREATE SET r.owner = row.owner, r.owners = '|', r.sources = [], r.createdAt = $now, r.createdBy = $by
  SET r += row.props,
    r.owners = reduce(o = r.owners, x IN row.owners | CASE WHEN o CONTAINS ('|' + x + '|') THEN o ELSE o + x + '|' END),
    r.sources = r.sources + [s IN row.sources WHERE NOT s IN r.sources])
FOREACH (_ IN CASE WHEN row.type = 'REPORTS_TO' THEN [1] ELSE [] END |
  MERGE (a)-[r:REPORTS_TO {key: row.key}]->(b)
    ON CREATE SET r.owner = row.owner, r.owners = '|', r.sources = [], r.createdAt = $now, r.createdBy = $by
  SET r += row.props,
    r.owners = reduce(o = r.owners, x IN row.owners | CASE WHEN o CONTAINS ('|' + x + '|') THEN o ELSE o + x + '|' END),
    r.sources = r.sources + [s IN row.sources WHERE NOT s IN r.sources])
FOREACH (_ IN CASE WHEN row.type = 'KNOWS' THEN [1] ELSE [] END |
  MERGE (a)-[r:KNOWS {key: row.key}]->(b)
    ON CREATE SET r.owner = row.owner, r.owners = '|', r.sources = [], r.createdAt = $now, r.createdBy = $by
  SET r += row.props,
    r.owners = reduce(o = r.owners, x IN row.owners | CASE WHEN o CONTAINS ('|' + x + '|') THEN o ELSE o + x + '|' END),
    r.sources = r.sources + [s IN row.sources WHERE NOT s IN r.sources])
WITH a, b, row, created, before
OPTIONAL MATCH (a)-[now]->(b) WHERE type(now) = row.type AND now.key = row.key
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
  sum(CASE WHEN NOT created AND before <> properties(now) THEN 1 ELSE 0 END) AS updated

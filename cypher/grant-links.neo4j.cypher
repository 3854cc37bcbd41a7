// Neo4j: grants ($grant) or withdraws a principal on links named by identity (type, from, to, key),
// as grant-nodes does on nodes.
UNWIND $links AS l
MATCH (a:Entity {id: l.from})-[r]->(b:Entity {id: l.to})
WHERE type(r) = l.type AND r.key = l.key
SET r.owners = CASE
  WHEN NOT $grant THEN replace(r.owners, $token, '|')
  WHEN r.owners CONTAINS $token THEN r.owners
  ELSE r.owners + $principal + '|' END

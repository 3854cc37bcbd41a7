// Neo4j: grants ($grant) or withdraws a principal on nodes, in their owners string (`|sh-psb|~tf:1|`,
// server/src/store/visibility.ts): `$token` is `|principal|`. Every other token stays.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n.owners = CASE
  WHEN NOT $grant THEN replace(n.owners, $token, '|')
  WHEN n.owners CONTAINS $token THEN n.owners
  ELSE n.owners + $principal + '|' END

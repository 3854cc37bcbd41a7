MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
WHERE a.owners =~ $ownerPattern AND b.owners =~ $ownerPattern
MATCH p = allShortestPaths((a)-[*..6 /*maxHops*/]-(b))
WHERE all(r IN relationships(p) WHERE r.owners =~ $ownerPattern AND type(r) IN $linkTypes)
  AND all(x IN nodes(p) WHERE x.owners =~ $ownerPattern)
RETURN nodes(p) AS pathNodes, relationships(p) AS pathRels
LIMIT $k

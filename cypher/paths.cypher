// Shortest routes along visible links; the store drops routes through nodes the viewer may not see.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..6 /*maxHops*/]-(b))
WHERE all(r IN relationships(p) WHERE r.owners =~ $ownerPattern AND type(r) IN $linkTypes)
RETURN nodes(p) AS pathNodes, relationships(p) AS pathRels
LIMIT $k

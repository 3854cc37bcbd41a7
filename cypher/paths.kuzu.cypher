// Shortest routes along visible links; the store drops routes through nodes the viewer may not see.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = (a)-[r* ALL SHORTEST 1..6 /*maxHops*/ (e, x | WHERE e.owners =~ $ownerPattern AND label(e) IN $linkTypes)]-(b)
RETURN nodes(p) AS pathNodes, rels(p) AS pathRels
LIMIT $k

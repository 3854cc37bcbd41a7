MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
WHERE a.owners =~ $ownerPattern AND b.owners =~ $ownerPattern
MATCH p = (a)-[r* ALL SHORTEST 1..6 /*maxHops*/ (e, x | WHERE e.owners =~ $ownerPattern AND label(e) IN $linkTypes
    AND x.owners =~ $ownerPattern)]-(b)
RETURN nodes(p) AS pathNodes, rels(p) AS pathRels
LIMIT $k

// Nodes within `hops` of one seed along visible links of the asked types, inside the time window,
// with their distance. Intermediate nodes are not tested: a link the viewer may see is one its
// agency reported, ends included. The store drops end nodes the viewer may not see.
MATCH (s:Entity {id: $id})
MATCH p = (s)-[rs*1..2 /*hops*/]-(m:Entity)
WHERE m <> s
  AND all(r IN rs WHERE r.owners =~ $ownerPattern AND type(r) IN $linkTypes
    AND (r.at IS NULL OR (r.at >= $from AND r.at <= $to)))
RETURN m AS n, min(length(p)) AS dist

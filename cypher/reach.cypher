// Nodes within `hops` of one seed, through visible nodes and links only, with their distance.
MATCH (s:Entity {id: $id})
MATCH p = (s)-[rs*1..2 /*hops*/]-(m:Entity)
WHERE m <> s AND m.owners =~ $ownerPattern AND m.label IN $labels
  AND all(r IN rs WHERE r.owners =~ $ownerPattern AND type(r) IN $linkTypes
    AND (r.at IS NULL OR (r.at >= $from AND r.at <= $to)))
  AND all(x IN nodes(p) WHERE x = s OR (x.owners =~ $ownerPattern AND x.label IN $labels))
RETURN m AS n, min(length(p)) AS dist

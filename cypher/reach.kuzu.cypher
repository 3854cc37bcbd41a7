// Breadth-first: SHORTEST gives each reachable node once, at its distance. Kuzu cannot bind
// parameters inside a recursive filter, so the adapter writes them in as checked literals.
MATCH (s:Entity {id: $id})-[r* SHORTEST 1..2 /*hops*/ (e, x | WHERE e.owners =~ $ownerPattern AND label(e) IN $linkTypes
    AND (e.at IS NULL OR (e.at >= $from AND e.at <= $to))
    AND x.owners =~ $ownerPattern AND x.label IN $labels)]-(m:Entity)
WHERE m.id <> $id AND m.owners =~ $ownerPattern AND m.label IN $labels
RETURN m AS n, length(r) AS dist

// Breadth-first: SHORTEST gives each reachable node once, at its distance. Only links are
// tested inside the recursion: Kuzu 0.11 evaluates a node predicate there over the whole node
// table (tens of ms at 100k nodes), and it cannot bind parameters there, so the adapter writes
// them in as checked literals. The store drops end nodes the viewer may not see. A time is
// text (at) or milliseconds (atMs), store/kuzu/split-time.ts says when.
MATCH (s:Entity {id: $id})-[r* SHORTEST 1..2 /*hops*/ (e, x | WHERE e.owners =~ $ownerPattern AND label(e) IN $linkTypes
    AND ((e.at IS NULL AND e.atMs IS NULL) OR (e.at >= $from AND e.at <= $to)
      OR (e.atMs >= to_epoch_ms(timestamp($from)) AND e.atMs <= to_epoch_ms(timestamp($to)))))]-(m:Entity)
WHERE m.id <> $id
RETURN m AS n, length(r) AS dist

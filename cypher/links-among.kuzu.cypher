// Every visible link among the given nodes, of the given types, inside the time window.
// A time is text (at) or milliseconds (atMs), store/kuzu/split-time.ts says when.
// $among repeats $ids: Kuzu 0.11 crashes when one list parameter is both unwound and tested with IN.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE b.id IN $among
  AND a.owners =~ $ownerPattern AND b.owners =~ $ownerPattern AND r.owners =~ $ownerPattern
  AND label(r) IN $linkTypes
  AND ((r.at IS NULL AND r.atMs IS NULL) OR (r.at >= $from AND r.at <= $to)
    OR (r.atMs >= to_epoch_ms(timestamp($from)) AND r.atMs <= to_epoch_ms(timestamp($to))))
RETURN a.id AS from, b.id AS to, r

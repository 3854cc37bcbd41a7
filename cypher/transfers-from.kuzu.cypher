// One layer of a money trail: the visible transfers out of these cards, no earlier than $after.
// A time is text (at) or milliseconds (atMs), store/kuzu/split-time.ts says when.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r:TRANSFERRED]->(b:Entity)
WHERE (r.at >= $after OR r.atMs >= to_epoch_ms(timestamp($after)))
  AND a.owners =~ $ownerPattern AND b.owners =~ $ownerPattern AND r.owners =~ $ownerPattern
RETURN a.id AS from, b.id AS to, r

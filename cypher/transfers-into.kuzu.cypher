// The other side of a money trail's layer: the visible transfers into these cards, no earlier than $after.
// A time is text (at) or milliseconds (atMs), store/kuzu/split-time.ts says when.
UNWIND $ids AS id
MATCH (a:Entity)-[r:TRANSFERRED]->(b:Entity {id: id})
WHERE (r.at >= $after OR r.atMs >= to_epoch_ms(timestamp($after)))
  AND a.owners =~ $ownerPattern AND b.owners =~ $ownerPattern AND r.owners =~ $ownerPattern
RETURN a.id AS from, b.id AS to, r

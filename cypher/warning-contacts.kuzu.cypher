// Early warning: the calls and messages out of these phones and accounts. A time is text (at)
// or milliseconds (atMs), returned as text: timeColumn() in store/kuzu/split-time.ts, written out.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r:CALLED|CONTACTED]->(b:Entity)
WHERE a.owners =~ $ownerPattern AND r.owners =~ $ownerPattern AND b.owners =~ $ownerPattern
RETURN a.id AS from, b.id AS to, b.label AS label, label(r) AS type, CASE WHEN r.atMs IS NULL THEN r.at ELSE concat(substring(CAST(epoch_ms(r.atMs - r.atMs % 1000) AS STRING), 1, 10), 'T',
  substring(CAST(epoch_ms(r.atMs - r.atMs % 1000) AS STRING), 12, 8), '.', lpad(CAST(r.atMs % 1000 AS STRING), 3, '0'), 'Z') END AS at,
  r.seconds AS seconds

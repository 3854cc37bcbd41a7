// Saves over a visible investigation only if nobody has saved it since $version. Setting _LOCK_
// takes the node's write lock before the version is read (Neo4j's remedy for lost updates), so
// two saves of one version cannot both pass; no row back means unknown, invisible or stale.
MATCH (i:Investigation {id: $id})
WHERE i.createdBy = $userId OR ($scoped AND i.agencies =~ $agencyPattern)
SET i._LOCK_ = true
REMOVE i._LOCK_
WITH i
WHERE i.version = $version
SET i.name = $name, i.document = $document, i.elementCount = toInteger($elementCount),
  i.updatedAt = $now, i.updatedBy = $userId, i.version = i.version + 1
RETURN i.id AS id, i.name AS name, i.version AS version, i.elementCount AS elementCount, i.agencies AS agencies,
  i.createdAt AS createdAt, i.createdBy AS createdBy, i.updatedAt AS updatedAt, i.updatedBy AS updatedBy

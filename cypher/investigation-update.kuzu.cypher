// Kuzu runs one write at a time (and the runner one statement at a time), so the version read
// here cannot go stale before the SET: no lock needed, nor a toInteger() Kuzu lacks.
MATCH (i:Investigation {id: $id})
WHERE (i.createdBy = $userId OR ($scoped AND i.agencies =~ $agencyPattern)) AND i.version = $version
SET i.name = $name, i.document = $document, i.elementCount = $elementCount,
  i.updatedAt = $now, i.updatedBy = $userId, i.version = i.version + 1
RETURN i.id AS id, i.name AS name, i.version AS version, i.elementCount AS elementCount, i.agencies AS agencies,
  i.createdAt AS createdAt, i.createdBy AS createdBy, i.updatedAt AS updatedAt, i.updatedBy AS updatedBy

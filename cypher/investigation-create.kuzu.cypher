// Kuzu has no toInteger(); an integer parameter fills an INT64 column as it is.
MERGE (i:Investigation {id: $id})
ON CREATE SET i.name = $name, i.document = $document, i.version = 1, i.elementCount = $elementCount,
  i.agencies = $savedUnder, i.createdAt = $now, i.createdBy = $userId, i.updatedAt = $now, i.updatedBy = $userId
RETURN i.id AS id, i.name AS name, i.version AS version, i.elementCount AS elementCount, i.agencies AS agencies,
  i.createdAt AS createdAt, i.createdBy AS createdBy, i.updatedAt AS updatedAt, i.updatedBy AS updatedBy

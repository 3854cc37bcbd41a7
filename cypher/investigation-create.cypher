// A new saved investigation. MERGE, not CREATE: the driver retries a transaction on transient
// errors, and a retry must not fail on the id it already wrote.
MERGE (i:Investigation {id: $id})
ON CREATE SET i.name = $name, i.document = $document, i.version = 1, i.elementCount = toInteger($elementCount),
  i.agencies = $savedUnder, i.createdAt = $now, i.createdBy = $userId, i.updatedAt = $now, i.updatedBy = $userId
RETURN i.id AS id, i.name AS name, i.version AS version, i.elementCount AS elementCount, i.agencies AS agencies,
  i.createdAt AS createdAt, i.createdBy AS createdBy, i.updatedAt AS updatedAt, i.updatedBy AS updatedBy

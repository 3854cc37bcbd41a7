// Summaries only: the documents stay in the database until one is opened.
MATCH (i:Investigation)
WHERE i.createdBy = $userId OR ($scoped AND i.agencies =~ $agencyPattern)
RETURN i.id AS id, i.name AS name, i.version AS version, i.elementCount AS elementCount, i.agencies AS agencies,
  i.createdAt AS createdAt, i.createdBy AS createdBy, i.updatedAt AS updatedAt, i.updatedBy AS updatedBy
ORDER BY updatedAt DESC, id
LIMIT toInteger($limit)

MATCH (i:Investigation {id: $id})
WHERE i.createdBy = $userId OR ($scoped AND i.agencies =~ $agencyPattern)
RETURN i.id AS id, i.name AS name, i.version AS version, i.elementCount AS elementCount, i.agencies AS agencies,
  i.createdAt AS createdAt, i.createdBy AS createdBy, i.updatedAt AS updatedAt, i.updatedBy AS updatedBy,
  i.document AS document

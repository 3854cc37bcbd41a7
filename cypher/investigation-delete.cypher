MATCH (i:Investigation {id: $id})
WHERE i.createdBy = $userId OR ($scoped AND i.agencies =~ $agencyPattern)
WITH i, i.id AS id
DELETE i
RETURN id

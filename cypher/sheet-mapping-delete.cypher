MATCH (m:SheetMapping {id: $id})
WITH m, m.id AS id
DELETE m
RETURN id

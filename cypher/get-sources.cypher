UNWIND $ids AS id
MATCH (s:Source {id: id})
WHERE s.owner IN $agencies
RETURN s

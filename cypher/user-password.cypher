MATCH (u:User {id: $id})
SET u.passwordHash = $passwordHash, u.mustChange = $mustChange
RETURN u.id AS id

MATCH (u:User)
RETURN u.id AS id, u.name AS name, u.agency AS agency, u.role AS role, u.passwordHash AS passwordHash, u.mustChange AS mustChange, u.createdAt AS createdAt, u.createdBy AS createdBy
ORDER BY id

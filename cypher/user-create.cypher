// A new local account. MERGE so a driver retry does not fail on its own write; the caller
// compares the returned hash with its own to tell a new account from a taken id.
MERGE (u:User {id: $id})
ON CREATE SET u.name = $name, u.agency = $agency, u.role = $role, u.passwordHash = $passwordHash,
  u.mustChange = $mustChange, u.createdAt = $createdAt, u.createdBy = $createdBy
RETURN u.id AS id, u.name AS name, u.agency AS agency, u.role AS role, u.passwordHash AS passwordHash, u.mustChange AS mustChange, u.createdAt AS createdAt, u.createdBy AS createdBy

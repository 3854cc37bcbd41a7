// An agency's profile (access layer): created or updated by id.
MERGE (g:AgencyProfile {id: $id})
SET g.name = $name, g.province = $province, g.level = $level
RETURN g.id AS id

MATCH (g:AgencyProfile)
RETURN g.id AS id, g.name AS name, g.province AS province, g.level AS level
ORDER BY id

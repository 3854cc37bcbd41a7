// An agency's saved import specifications (sheet mappings), by name.
MATCH (m:SheetMapping)
WHERE m.agency IN $agencies
RETURN m.agency AS agency, m.name AS name, m.kind AS kind, m.definition AS definition, m.updatedAt AS updatedAt, m.updatedBy AS updatedBy
ORDER BY name, agency

// Saves a sheet mapping under its agency and name, replacing the one saved there before.
MERGE (m:SheetMapping {id: $id})
SET m.agency = $agency, m.name = $name, m.kind = $kind, m.definition = $definition, m.updatedAt = $now, m.updatedBy = $by
RETURN m.agency AS agency, m.name AS name, m.kind AS kind, m.definition AS definition, m.updatedAt AS updatedAt, m.updatedBy AS updatedBy

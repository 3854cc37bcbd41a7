MATCH (h:AuditHead {id: $id})
RETURN h.seq AS seq, h.hash AS hash, h.mac AS mac

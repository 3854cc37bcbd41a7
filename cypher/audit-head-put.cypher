// The audit chain's signed head (one row): moved forward only, so a slower writer of an older
// position never takes it back.
MERGE (h:AuditHead {id: $id})
ON CREATE SET h.seq = '', h.hash = '', h.mac = ''
WITH h
WHERE h.seq < $seq
SET h.seq = $seq, h.hash = $hash, h.mac = $mac
RETURN h.seq AS seq

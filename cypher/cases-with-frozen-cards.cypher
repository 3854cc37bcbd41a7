// The visible cases that involve a frozen bank account.
MATCH (c:Entity)-[r:INVOLVES]->(k:Entity)
WHERE c.label = 'Case' AND k.label = 'BankCard' AND k.frozen = true
  AND c.owners =~ $ownerPattern AND r.owners =~ $ownerPattern AND k.owners =~ $ownerPattern
RETURN DISTINCT c.id AS id

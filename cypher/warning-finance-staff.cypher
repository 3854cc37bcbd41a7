// Early warning: people who hold a company account that an impersonated-boss case involved (a targeted company's finance staff).
MATCH (c:Entity)-[r:INVOLVES]->(k:Entity)<-[h:HOLDS]-(p:Entity)
WHERE c.label = 'Case' AND c.category = 'IMPERSONATE_BOSS' AND k.label = 'BankCard' AND k.accountType = 'CORPORATE'
  AND p.label = 'Person'
  AND c.owners =~ $ownerPattern AND r.owners =~ $ownerPattern AND k.owners =~ $ownerPattern
  AND h.owners =~ $ownerPattern AND p.owners =~ $ownerPattern
RETURN DISTINCT p AS person, k.id AS card, k.holderName AS company, c.id AS caseId

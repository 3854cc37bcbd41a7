// Early warning: people who hold a company account that an impersonated-boss case involved (a targeted company's finance staff), with their roles.
MATCH (c:Entity)-[r:INVOLVES]->(k:Entity)<-[h:HOLDS]-(p:Entity)
WHERE c.label = 'Case' AND c.category = 'IMPERSONATE_BOSS' AND k.label = 'BankCard' AND k.accountType = 'CORPORATE'
  AND p.label = 'Person'
  AND c.owners =~ $ownerPattern AND r.owners =~ $ownerPattern AND k.owners =~ $ownerPattern
  AND h.owners =~ $ownerPattern AND p.owners =~ $ownerPattern
OPTIONAL MATCH (p)-[x:VICTIM_IN|SUSPECT_IN|MEMBER_OF]->(y:Entity)
WHERE x.owners =~ $ownerPattern AND y.owners =~ $ownerPattern
RETURN p AS person, k.id AS card, k.holderName AS company, c.id AS caseId, count(x) AS roles

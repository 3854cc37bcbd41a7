// Exact forms first (id, case number, phone, full card, handle), then card suffixes, then names:
// part of a name (a person's, a gang's, an account holder's), or a whole nickname (峰哥).
MATCH (n:Entity)
WHERE n.owners =~ $ownerPattern AND n.label IN $labels
WITH n,
  CASE
    WHEN n.id = $text THEN 'id'
    WHEN n.caseNo = $text THEN 'caseNo'
    WHEN $phone <> '' AND n.label = 'Phone' AND n.number = $phone THEN 'phone'
    WHEN $digits <> '' AND n.label = 'BankCard' AND n.number = $digits THEN 'card'
    WHEN n.handle = $text THEN 'handle'
    WHEN size($digits) >= 4 AND n.label = 'BankCard' AND n.number ENDS WITH $digits THEN 'card-suffix'
    WHEN size($digits) >= 4 AND n.label = 'Phone' AND n.number ENDS WITH $digits THEN 'phone-suffix'
    WHEN n.name CONTAINS $text OR n.holderName CONTAINS $text OR $text IN n.aliases THEN 'name'
    WHEN n.caseNo CONTAINS $text OR n.handle CONTAINS $text THEN 'partial'
    ELSE ''
  END AS matchedBy
WHERE matchedBy <> ''
RETURN n, matchedBy,
  CASE matchedBy WHEN 'name' THEN 2 WHEN 'partial' THEN 3 WHEN 'card-suffix' THEN 1 WHEN 'phone-suffix' THEN 1 ELSE 0 END AS rank
ORDER BY rank, n.id
LIMIT $limit

// Early warning: the phones and online accounts cases involve ($everyCase, or only the cases in $caseIds), with each case's category.
MATCH (c:Entity)-[r:INVOLVES]->(i:Entity)
WHERE c.label = 'Case' AND ($everyCase OR c.id IN $caseIds) AND i.label IN ['Phone', 'OnlineAccount']
  AND c.owners =~ $ownerPattern AND r.owners =~ $ownerPattern AND i.owners =~ $ownerPattern
RETURN i.id AS id, c.id AS caseId, c.category AS category

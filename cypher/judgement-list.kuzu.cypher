// Kuzu has no toInteger(); its LIMIT takes the integer parameter as it is.
MATCH (j:CaseLinkJudgement)
WHERE (j.judgedBy = $userId OR ($scoped AND j.agencies =~ $agencyPattern))
  AND ($everyPair OR j.caseA IN $caseIds OR j.caseB IN $caseIds)
RETURN j.id AS id, j.caseA AS caseA, j.caseB AS caseB, j.verdict AS verdict, j.reason AS reason,
  j.judgedBy AS judgedBy, j.judgedAt AS judgedAt, j.agencies AS agencies
ORDER BY judgedAt DESC, id DESC
LIMIT $limit

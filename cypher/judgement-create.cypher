// A new judgement on a case link. MERGE, not CREATE: the driver retries a transaction on
// transient errors, and a retry must not fail on the id it already wrote.
MERGE (j:CaseLinkJudgement {id: $id})
ON CREATE SET j.caseA = $caseA, j.caseB = $caseB, j.verdict = $verdict, j.reason = $reason,
  j.judgedBy = $userId, j.judgedAt = $now, j.agencies = $judgedUnder
RETURN j.id AS id, j.caseA AS caseA, j.caseB AS caseB, j.verdict AS verdict, j.reason AS reason,
  j.judgedBy AS judgedBy, j.judgedAt AS judgedAt, j.agencies AS agencies

// Every case some judgement names (whoever may see it): a case in none has no judgements to read.
MATCH (j:CaseLinkJudgement)
RETURN j.caseA AS caseA, j.caseB AS caseB

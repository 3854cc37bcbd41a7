/** Tiny factories for the hand-made graphs linkage.test.ts and case-series.test.ts score (tests only). */
import { incidenceFrom } from './incidence';
import { LINKAGE_DEFAULTS } from './linkage';
import type { Label } from './model';
import type { CaseFacts, CaseIncidence, CaseLinkJudgement } from './types';

type Facts = Omit<CaseFacts, 'identifiers'>;
const LABEL: Record<string, Label> = { card: 'BankCard', phone: 'Phone', person: 'Person', qq: 'OnlineAccount', mac: 'Device' };

/** A case: its id, what it involves, and (optionally) category, report time and place. */
export const kase = (id: string, identifiers: string[], facts: Partial<Facts> = {}) => ({
  facts: { id, category: null, reportedAt: null, city: null, district: null, ...facts },
  identifiers,
});

/** The incidence the store would return for these cases, every identifier's cases listed. */
export function graph(cases: ReturnType<typeof kase>[]): CaseIncidence {
  const rows = cases.flatMap((c) => c.identifiers.map((id) => ({ caseId: c.facts.id, id, label: LABEL[id.split(':')[0]!]! })));
  return incidenceFrom(
    cases.map((c) => c.facts),
    rows,
    { casesPerIdentifier: LINKAGE_DEFAULTS.hubCases },
  );
}

/** `n` unrelated cases that all involve `identifier` (and nothing else). */
export const crowd = (identifier: string, n: number, prefix = 'case:crowd') =>
  Array.from({ length: n }, (_, i) => kase(`${prefix}-${String(i).padStart(3, '0')}`, [identifier]));

export const judgement = (caseA: string, caseB: string, verdict: CaseLinkJudgement['verdict'], at: string, id = `judgement:${at}`): CaseLinkJudgement => ({
  id,
  caseA: caseA < caseB ? caseA : caseB,
  caseB: caseA < caseB ? caseB : caseA,
  verdict,
  reason: verdict === 'CONFIRMED' ? '同一话务员供述' : '卡号录入错误',
  judgedBy: 'officer-wu',
  judgedAt: at,
  agencies: ['sh-psb'],
});


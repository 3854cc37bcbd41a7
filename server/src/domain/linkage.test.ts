import { describe, expect, it } from 'vitest';
import { linkedCasesOf, rarityWeight, strongAloneCases, type ScoredLink } from './linkage';
import { crowd, graph, judgement, kase } from './linkage-fixture';
import type { CaseIncidence, CaseLinkJudgement } from './types';

/** linkedCasesOf over a whole incidence, as the service feeds it. */
function linked(g: CaseIncidence, root: string, judgements: CaseLinkJudgement[] = []): ScoredLink[] {
  const facts = new Map(g.cases.map((c) => [c.id, c]));
  const r = facts.get(root)!;
  return linkedCasesOf({ root: r, identifiers: g.identifiers.filter((u) => r.identifiers.includes(u.id)), others: facts, judgements });
}

const brief = (links: ScoredLink[]) => links.map((l) => ({ caseId: l.caseId, score: l.score, linked: l.linked, reasons: l.reasons.map((r) => r.kind === 'SHARED_IDENTIFIER' ? `${r.id}×${r.cases}=${r.weight}` : `${r.kind}=${r.weight}`) }));

describe('rarityWeight', () => {
  it('weighs an identifier two cases share 1, fading with the cases it touches, and a hub nothing', () => {
    expect([1, 2, 10, 63, 64, 100, 200, 201, 10_000].map((n) => rarityWeight(n))).toEqual([0, 1, 0.651, 0.251, 0.247, 0.151, 0.001, 0, 0]);
  });
  it('lets an identifier of up to 63 cases link two cases on its own', () => {
    expect(strongAloneCases()).toBe(63);
  });
});

describe('linkedCasesOf', () => {
  it('links two cases that share a card, not two that share only a public Wi-Fi 201 cases used', () => {
    const g = graph([
      kase('case:A', ['card:1', 'mac:wifi']),
      kase('case:B', ['card:1']),
      kase('case:C', ['mac:wifi']),
      ...crowd('mac:wifi', 198),
    ]);
    expect(g.identifiers.find((u) => u.id === 'mac:wifi')!.caseCount).toBe(200);
    // 200 cases: not yet a hub, but it weighs 0.001, far too little to link.
    expect(brief(linked(g, 'case:A'))).toEqual([{ caseId: 'case:B', score: 1, linked: true, reasons: ['card:1×2=1'] }]);

    const hub = graph([kase('case:A', ['card:1', 'mac:wifi']), kase('case:B', ['card:1']), kase('case:C', ['mac:wifi']), ...crowd('mac:wifi', 199)]);
    // 201 cases: the Wi-Fi is a hub and C is not even listed.
    expect(brief(linked(hub, 'case:A'))).toEqual([{ caseId: 'case:B', score: 1, linked: true, reasons: ['card:1×2=1'] }]);
    expect(linked(hub, 'case:C')).toEqual([]);
  });

  it('gives a service number no weight, however few cases share it', () => {
    const g = graph([kase('case:A', ['phone:95588', 'phone:+8613800000001']), kase('case:B', ['phone:95588']), kase('case:C', ['phone:+8613800000001'])]);
    expect(brief(linked(g, 'case:A'))).toEqual([{ caseId: 'case:C', score: 1, linked: true, reasons: ['phone:+8613800000001×2=1'] }]);
  });

  it('ranks the rarer shared identifier first and sums what a pair shares', () => {
    const g = graph([
      kase('case:A', ['card:1', 'phone:+8613900000002', 'person:s']),
      kase('case:B', ['phone:+8613900000002']),
      kase('case:C', ['card:1', 'person:s']),
      ...crowd('phone:+8613900000002', 8),
      ...crowd('person:s', 3, 'case:other'),
    ]);
    expect(brief(linked(g, 'case:A')).slice(0, 2)).toEqual([
      { caseId: 'case:C', score: 1.801, linked: true, reasons: ['card:1×2=1', 'person:s×5=0.801'] },
      { caseId: 'case:other-000', score: 0.801, linked: true, reasons: ['person:s×5=0.801'] },
    ]);
    expect(brief(linked(g, 'case:A')).find((l) => l.caseId === 'case:B')).toEqual({ caseId: 'case:B', score: 0.651, linked: true, reasons: ['phone:+8613900000002×10=0.651'] });
  });

  it('adds same category, time and place as weak evidence that tips a common identifier over but never links alone', () => {
    const near = { category: 'ONLINE_LOAN', reportedAt: '2025-03-01T10:00:00+08:00', city: '上海市', district: '浦东新区' };
    const g = graph([
      kase('case:A', ['phone:+8613900000009'], near),
      kase('case:B', ['phone:+8613900000009'], { ...near, reportedAt: '2025-03-30T09:00:00+08:00' }),
      kase('case:C', ['phone:+8613900000009'], { ...near, reportedAt: '2025-05-01T10:00:00+08:00', district: '徐汇区' }),
      kase('case:D', ['card:9'], near),
      ...crowd('phone:+8613900000009', 97),
    ]);
    const out = linked(g, 'case:A');
    expect(brief(out.slice(0, 2))).toEqual([
      { caseId: 'case:B', score: 0.391, linked: true, reasons: ['phone:+8613900000009×100=0.151', 'SAME_CATEGORY=0.08', 'CLOSE_IN_TIME=0.08', 'SAME_PLACE=0.08'] },
      { caseId: 'case:C', score: 0.271, linked: true, reasons: ['phone:+8613900000009×100=0.151', 'SAME_CATEGORY=0.08', 'SAME_PLACE=0.04'] },
    ]);
    expect(out[0]!.reasons.slice(1)).toEqual([
      { kind: 'SAME_CATEGORY', weight: 0.08, detail: 'ONLINE_LOAN' },
      { kind: 'CLOSE_IN_TIME', weight: 0.08, days: 28 },
      { kind: 'SAME_PLACE', weight: 0.08, detail: '上海市浦东新区' },
    ]);
    // The crowd shares only the common phone (0.151); D shares everything weak and no identifier.
    expect(out).toHaveLength(2);
  });

  it('follows the latest judgement: a confirmed pair links without evidence, a rejected one never', () => {
    const g = graph([kase('case:A', ['card:1']), kase('case:B', ['card:1']), kase('case:C', [])]);
    const rejected = judgement('case:A', 'case:B', 'REJECTED', '2025-04-01T00:00:00.000Z');
    const confirmed = judgement('case:C', 'case:A', 'CONFIRMED', '2025-04-02T00:00:00.000Z');
    expect(brief(linked(g, 'case:A', [rejected, confirmed]))).toEqual([
      { caseId: 'case:C', score: 1, linked: true, reasons: ['JUDGED=1'] },
      { caseId: 'case:B', score: 0, linked: false, reasons: ['card:1×2=1', 'JUDGED=-1'] },
    ]);
    expect(linked(g, 'case:A', [rejected])[0]!.judgement).toBe(rejected);
    // Confirmed again later: the newer word counts.
    const again = judgement('case:B', 'case:A', 'CONFIRMED', '2025-04-03T00:00:00.000Z');
    expect(brief(linked(g, 'case:A', [again, rejected])).find((l) => l.caseId === 'case:B')).toEqual({ caseId: 'case:B', score: 2, linked: true, reasons: ['card:1×2=1', 'JUDGED=1'] });
  });

  it('leaves out judged cases the viewer may not see', () => {
    const g = graph([kase('case:A', [])]);
    expect(linked(g, 'case:A', [judgement('case:A', 'case:Z', 'CONFIRMED', '2025-04-02T00:00:00.000Z')])).toEqual([]);
  });
});

import type { Label } from './model';
import type { CaseFacts, CaseLinkJudgement, IdentifierUse, LinkVerdict } from './types';

/**
 * Case linkage (串并案): how strongly two cases are linked, and why. Pure: the store supplies
 * which identifiers each case involves and how many cases each touches (CaseIncidence), and the
 * judgements investigators recorded; both engines give the same answer.
 *
 * Score = the sum of the reasons' weights. A shared identifier weighs by its rarity: a card that
 * two cases involve weighs 1, one that more cases involve less (logarithmically), and one that
 * more than `hubCases` cases involve nothing at all (a public Wi-Fi), nor does a service number
 * (a bank hotline victims call, however few cases share it).
 * Same category, report times within `withinDays` days and the same district (or city) add a
 * little each, never enough on their own to reach `linkScore`. A confirmed pair is linked
 * whatever its evidence; a rejected pair never is.
 */

export interface LinkageOptions {
  /** An identifier that more cases than this involve is a hub: it is no evidence. */
  hubCases: number;
  /** Pairs scoring at least this are linked. */
  linkScore: number;
  sameCategory: number;
  /** How close in time two reports must be to count as evidence. */
  withinDays: number;
  closeInTime: number;
  sameDistrict: number;
  sameCity: number;
  /** What a confirmation weighs. */
  confirmed: number;
}

/**
 * At `city` scale (24,000 cases) a gang's card, phone or suspect touches at most about 50 cases,
 * a bank hotline or public Wi-Fi 470 to 1,000: 200 lies between. Weak evidence sums to 0.24 at
 * most, below `linkScore`.
 */
export const LINKAGE_DEFAULTS: LinkageOptions = {
  hubCases: 200,
  linkScore: 0.25,
  sameCategory: 0.08,
  withinDays: 30,
  closeInTime: 0.08,
  sameDistrict: 0.08,
  sameCity: 0.04,
  confirmed: 1,
};

export type LinkReason =
  | { kind: 'SHARED_IDENTIFIER'; weight: number; id: string; label: Label; cases: number }
  | { kind: 'SAME_CATEGORY'; weight: number; detail: string }
  | { kind: 'CLOSE_IN_TIME'; weight: number; days: number }
  | { kind: 'SAME_PLACE'; weight: number; detail: string }
  | { kind: 'JUDGED'; weight: number; judgement: CaseLinkJudgement };

export interface ScoredLink {
  caseId: string;
  /** The sum of the reasons' weights, rounded to 3 decimals. */
  score: number;
  linked: boolean;
  /** Shared identifiers first (rarest first), then the weaker evidence, then the judgement. */
  reasons: LinkReason[];
  /** The latest judgement on the pair the viewer may see, if any. */
  judgement: CaseLinkJudgement | null;
}

const DAY = 86_400_000;
const round = (x: number) => Math.round(x * 1000) / 1000;

/** What an identifier that `caseCount` cases involve weighs as evidence: 1 for two cases, 0 for a hub. */
export function rarityWeight(caseCount: number, o: LinkageOptions = LINKAGE_DEFAULTS): number {
  if (caseCount < 2 || caseCount > o.hubCases) return 0;
  return Math.max(round(Math.log(o.hubCases / caseCount) / Math.log(Math.max(o.hubCases, 3) / 2)), 0.001);
}

/**
 * A short service number (95588, 96110, 10086): a bank's or a carrier's line, never a fraudster's
 * own. Scammers spoof it as caller ID and victims call it to check; it says nothing about who
 * the fraudster is, however few cases share it. Phone ids hold the normalised number, which
 * is E.164 (`+…`) for every subscriber number (normalize.ts).
 */
export function isServiceNumber(use: { id: string; label: Label }): boolean {
  return use.label === 'Phone' && !use.id.startsWith('phone:+');
}

/** What a shared identifier weighs as evidence: its rarity, and nothing for a service number. */
export function evidenceWeight(use: Pick<IdentifierUse, 'id' | 'label' | 'caseCount'>, o: LinkageOptions = LINKAGE_DEFAULTS): number {
  return isServiceNumber(use) ? 0 : rarityWeight(use.caseCount, o);
}

/** The most cases an identifier may touch and still link two cases on its own. */
export function strongAloneCases(o: LinkageOptions = LINKAGE_DEFAULTS): number {
  let n = 2;
  while (n < o.hubCases && rarityWeight(n + 1, o) >= o.linkScore) n++;
  return rarityWeight(2, o) >= o.linkScore ? n : 1;
}

export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The latest judgement of each pair (by time, then id), by pairKey. */
export function latestJudgements(judgements: readonly CaseLinkJudgement[]): Map<string, CaseLinkJudgement> {
  const latest = new Map<string, CaseLinkJudgement>();
  for (const j of judgements) {
    const key = pairKey(j.caseA, j.caseB);
    const known = latest.get(key);
    if (!known || j.judgedAt > known.judgedAt || (j.judgedAt === known.judgedAt && j.id > known.id)) latest.set(key, j);
  }
  return latest;
}

/** The weak evidence between two cases: same category, close in time, same place. */
export function weakReasons(a: CaseFacts, b: CaseFacts, o: LinkageOptions = LINKAGE_DEFAULTS): LinkReason[] {
  const out: LinkReason[] = [];
  if (a.category && a.category === b.category) out.push({ kind: 'SAME_CATEGORY', weight: o.sameCategory, detail: a.category });
  const ta = a.reportedAt ? Date.parse(a.reportedAt) : NaN;
  const tb = b.reportedAt ? Date.parse(b.reportedAt) : NaN;
  if (!Number.isNaN(ta) && !Number.isNaN(tb)) {
    const days = Math.floor(Math.abs(ta - tb) / DAY);
    if (days <= o.withinDays) out.push({ kind: 'CLOSE_IN_TIME', weight: o.closeInTime, days });
  }
  if (a.city && a.city === b.city) {
    const district = a.district && a.district === b.district;
    out.push({ kind: 'SAME_PLACE', weight: district ? o.sameDistrict : o.sameCity, detail: district ? `${a.city}${a.district}` : a.city });
  }
  return out;
}

/**
 * Scores one pair from what it shares (identifiers both involve, with how many cases each
 * touches), its weak evidence and its latest judgement.
 */
export function scorePair(
  a: CaseFacts,
  b: CaseFacts,
  shared: readonly Pick<IdentifierUse, 'id' | 'label' | 'caseCount'>[],
  judgement: CaseLinkJudgement | null,
  o: LinkageOptions = LINKAGE_DEFAULTS,
): ScoredLink {
  const identifiers: LinkReason[] = shared
    .map((s) => ({ kind: 'SHARED_IDENTIFIER' as const, weight: evidenceWeight(s, o), id: s.id, label: s.label, cases: s.caseCount }))
    .sort((x, y) => y.weight - x.weight || x.cases - y.cases || (x.id < y.id ? -1 : 1));
  const reasons = [...identifiers, ...weakReasons(a, b, o)];
  const evidence = round(reasons.reduce((sum, r) => sum + r.weight, 0));
  const verdict: LinkVerdict | null = judgement?.verdict ?? null;
  if (judgement) reasons.push({ kind: 'JUDGED', weight: verdict === 'CONFIRMED' ? o.confirmed : -evidence, judgement });
  const score = verdict === 'REJECTED' ? 0 : round(evidence + (verdict === 'CONFIRMED' ? o.confirmed : 0));
  const linked = verdict === 'CONFIRMED' || (verdict === null && score >= o.linkScore);
  return { caseId: b.id, score, linked, reasons, judgement };
}

export interface LinkedCasesInput {
  root: CaseFacts;
  /** The root's identifiers with the cases each touches (lists may be empty for hubs). */
  identifiers: readonly IdentifierUse[];
  /** Facts of every other case named in `identifiers` or in `judgements`. */
  others: ReadonlyMap<string, CaseFacts>;
  /** Judgements on pairs that include the root (any order, several per pair allowed). */
  judgements: readonly CaseLinkJudgement[];
}

/**
 * The cases linked to one case, strongest first, with their scores and reasons; then the cases
 * an investigator rejected a link to (not linked, so the judgement shows). Cases sharing only
 * hubs, or too little to reach `linkScore`, are left out.
 */
export function linkedCasesOf(input: LinkedCasesInput, o: LinkageOptions = LINKAGE_DEFAULTS): ScoredLink[] {
  const { root } = input;
  const shared = new Map<string, IdentifierUse[]>();
  for (const use of input.identifiers) {
    if (evidenceWeight(use, o) === 0) continue;
    for (const other of use.cases) {
      if (other === root.id) continue;
      const list = shared.get(other);
      if (list) list.push(use);
      else shared.set(other, [use]);
    }
  }
  const judged = latestJudgements(input.judgements.filter((j) => j.caseA === root.id || j.caseB === root.id));
  const candidates = new Set([...shared.keys(), ...[...judged.values()].map((j) => (j.caseA === root.id ? j.caseB : j.caseA))]);
  const out: ScoredLink[] = [];
  for (const id of candidates) {
    const other = input.others.get(id);
    if (!other) continue; // not visible
    const scored = scorePair(root, other, shared.get(id) ?? [], judged.get(pairKey(root.id, id)) ?? null, o);
    if (scored.linked || scored.judgement) out.push(scored);
  }
  return out.sort((x, y) => Number(y.linked) - Number(x.linked) || y.score - x.score || (x.caseId < y.caseId ? -1 : 1));
}

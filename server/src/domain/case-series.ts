import type { Label } from './model';
import { LINKAGE_DEFAULTS, evidenceWeight, latestJudgements, pairKey, scorePair, strongAloneCases, type LinkageOptions } from './linkage';
import type { CaseFacts, CaseIncidence, CaseLinkJudgement, IdentifierUse } from './types';

/**
 * Case series: every case clustered with the cases it is linked to (linkage.ts), transitively.
 * Pure, and linear in what cases involve: cases that share an identifier rare enough to link two
 * cases on its own are joined directly through it (union–find), never pair by pair; pairs are
 * scored only through identifiers too common to link alone but not hubs, where the weaker
 * evidence decides. A confirmed pair is joined; a rejected pair is never joined directly (cases
 * that other links join still end in one series).
 */

export interface SeriesIdentifier {
  id: string;
  label: Label;
  /** How many cases of the series involve it. */
  cases: number;
  /** How many cases in all involve it. */
  caseCount: number;
}

export interface CaseSeries {
  /** `series:` and the series' first case id: stable while the series keeps that case. */
  id: string;
  /** Sorted. */
  cases: string[];
  /** The one-line reason: the identifiers that join most of its cases (up to 3), most cases first. */
  keyIdentifiers: SeriesIdentifier[];
  /** How many identifiers or suspects join its cases in all. */
  identifierCount: number;
  /** Pairs joined because an investigator confirmed them. */
  confirmedLinks: number;
  /** Its cases' categories, most frequent first. */
  categories: string[];
  /** The earliest and latest report. */
  from: string | null;
  to: string | null;
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) {
      p[i] = p[p[i]!]!;
      i = p[i]!;
    }
    return i;
  }
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
    return true;
  }
}

/** Ids both sorted lists hold. */
function intersect(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      out.push(a[i]!);
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return out;
}

/**
 * Every series (two cases or more) among the cases of `incidence`, largest first. Its
 * identifiers' case lists must be complete up to `hubCases` (casesPerIdentifier ≥ hubCases).
 */
export function caseSeries(incidence: CaseIncidence, judgements: readonly CaseLinkJudgement[], o: LinkageOptions = LINKAGE_DEFAULTS): CaseSeries[] {
  const cases = incidence.cases;
  const index = new Map(cases.map((c, i) => [c.id, i]));
  let uses: Map<string, IdentifierUse> | null = null; // built when a pair is first scored
  const latest = latestJudgements(judgements);
  const rejected = new Set<string>();
  const inRejected = new Set<number>();
  const uf = new UnionFind(cases.length);
  const confirmed: [number, number][] = [];
  for (const [key, j] of latest) {
    const a = index.get(j.caseA);
    const b = index.get(j.caseB);
    if (a === undefined || b === undefined) continue;
    if (j.verdict === 'REJECTED') {
      rejected.add(key);
      inRejected.add(a).add(b);
    } else confirmed.push([a, b]);
  }
  const strongMax = strongAloneCases(o);
  /** Identifiers that joined some pair, with their cases' indexes. */
  const joining: [IdentifierUse, number[]][] = [];
  const scored = new Set<string>();

  for (const use of incidence.identifiers) {
    if (use.caseCount < 2 || evidenceWeight(use, o) === 0) continue;
    const members: number[] = [];
    for (const id of use.cases) {
      const i = index.get(id);
      if (i !== undefined) members.push(i);
    }
    if (members.length < 2) continue;
    let joined = false;
    if (use.caseCount <= strongMax && !members.some((m) => inRejected.has(m))) {
      for (let k = 1; k < members.length; k++) uf.union(members[0]!, members[k]!);
      joined = true;
    } else {
      // Rejected pairs among its cases, or too common to link alone: pair by pair.
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          const a = cases[members[x]!]!;
          const b = cases[members[y]!]!;
          const key = pairKey(a.id, b.id);
          if (rejected.has(key)) continue;
          if (use.caseCount <= strongMax || linkedByEvidence(a, b, key)) {
            uf.union(members[x]!, members[y]!);
            joined = true;
          }
        }
      }
    }
    if (joined) joining.push([use, members]);
  }
  for (const [a, b] of confirmed) uf.union(a, b);

  function linkedByEvidence(a: CaseFacts, b: CaseFacts, key: string): boolean {
    if (scored.has(key)) return false; // scored through another identifier already
    scored.add(key);
    uses ??= new Map(incidence.identifiers.map((u) => [u.id, u]));
    const shared = intersect(a.identifiers, b.identifiers).flatMap((id) => uses!.get(id) ?? []);
    return scorePair(a, b, shared, null, o).linked;
  }

  const members = new Map<number, number[]>();
  for (let i = 0; i < cases.length; i++) {
    const r = uf.find(i);
    const list = members.get(r);
    if (list) list.push(i);
    else members.set(r, [i]);
  }
  /** Per series root, the identifiers that joined its cases and how many of them each touches. */
  const byIdentifier = new Map<number, [IdentifierUse, number][]>();
  const credit = (root: number, use: IdentifierUse, n: number) => {
    if (n < 2) return;
    const list = byIdentifier.get(root);
    if (list) list.push([use, n]);
    else byIdentifier.set(root, [[use, n]]);
  };
  for (const [use, idx] of joining) {
    const first = uf.find(idx[0]!);
    if (idx.every((i) => uf.find(i) === first)) credit(first, use, idx.length);
    else {
      // Split by a rejection: each part counts in its own series.
      const parts = new Map<number, number>();
      for (const i of idx) parts.set(uf.find(i), (parts.get(uf.find(i)) ?? 0) + 1);
      for (const [root, n] of parts) credit(root, use, n);
    }
  }
  const confirmedBy = new Map<number, number>();
  for (const [a] of confirmed) confirmedBy.set(uf.find(a), (confirmedBy.get(uf.find(a)) ?? 0) + 1);

  const out: CaseSeries[] = [];
  for (const [root, idx] of members) {
    if (idx.length < 2) continue;
    const facts = idx.map((i) => cases[i]!);
    const key = (byIdentifier.get(root) ?? [])
      .map(([use, n]) => ({ id: use.id, label: use.label, cases: n, caseCount: use.caseCount }))
      .sort((x, y) => y.cases - x.cases || x.caseCount - y.caseCount || (x.id < y.id ? -1 : 1));
    const times = facts
      .flatMap((f) => (f.reportedAt ? [[Date.parse(f.reportedAt), f.reportedAt] as const] : []))
      .sort((x, y) => x[0] - y[0])
      .map(([, t]) => t);
    const categories = new Map<string, number>();
    for (const f of facts) if (f.category) categories.set(f.category, (categories.get(f.category) ?? 0) + 1);
    const ids = facts.map((f) => f.id).sort();
    out.push({
      id: `series:${ids[0]}`,
      cases: ids,
      keyIdentifiers: key.slice(0, 3),
      identifierCount: key.length,
      confirmedLinks: confirmedBy.get(root) ?? 0,
      categories: [...categories].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([c]) => c),
      from: times[0] ?? null,
      to: times.at(-1) ?? null,
    });
  }
  return out.sort((x, y) => y.cases.length - x.cases.length || (x.id < y.id ? -1 : 1));
}

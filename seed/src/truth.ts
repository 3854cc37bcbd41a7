/**
 * Ground truth: what really happened in a generated bundle, for scoring case linkage, role
 * inference and money tracing. Written as NDJSON (one record a line) beside the bundle, streamed
 * gang by gang like the bundle itself.
 */
import type { CaseCategory, GangLayer } from '../../server/src/domain/model';

export interface TruthHeader {
  kind: 'truth';
  version: 1;
  scale: string;
  seed: number;
  notes: string;
}

export interface TruthHub {
  kind: 'hub';
  id: string;
  what: string;
}

export interface TruthGang {
  kind: 'gang';
  /** The Gang node's id; unknown gangs (not yet identified by police) have no Gang node in the bundle. */
  id: string;
  name: string;
  known: boolean;
  crew: boolean;
  base: { country: string; province: string; city: string };
  lead: string;
  /** Members and their true layer. Unknown gangs' members are not in the bundle (inBundle false). */
  members: { person: string; name: string; layer: GangLayer; reportsTo?: string; inBundle: boolean }[];
  cases: string[];
  categories: CaseCategory[];
  identifiers: { phones: string[]; accounts: string[]; cards: string[]; devices: string[] };
  loss: number;
  stopped: number;
  frozen: number;
  frozenCards: number;
}

/** Cases joined by shared non-hub identifiers they INVOLVE, or by a shared suspect. */
export interface TruthSeries {
  kind: 'series';
  gang: string;
  cases: string[];
}

export interface TruthTrail {
  kind: 'trail';
  case: string;
  gang: string;
  /** The victim's transfer that starts the trail. */
  txId: string;
  from: string;
  amount: number;
  at: string;
  /** Every transfer the money really took, including the first, in time order per path. */
  transfers: { txId: string; from: string; to: string; amount: number; at: string; layer: number }[];
  /** Money that left the trail: mules' cuts and cash withdrawals. */
  cashOuts: { card: string; amount: number; at: string }[];
  /** Money still on a card when the police froze it. */
  frozen: { card: string; amount: number; at: string }[];
}

/** A person called by a gang's phones who is not a victim (yet): whom to warn first. */
export interface TruthWarning {
  kind: 'warning';
  gang: string;
  phone: string;
  person?: string;
  calledBy: string[];
  firstCalledAt: string;
}

export interface TruthSeller {
  kind: 'seller';
  person: string;
  sells: 'CARDS' | 'PERSONAL_INFO';
  gangs: string[];
}

export interface TruthSummary {
  kind: 'summary';
  cases: number;
  solvedCases: number;
  suspects: number;
  frozenCards: number;
  gangs: number;
  knownGangs: number;
  loss: number;
  stopped: number;
  returned: number;
  records: number;
  nodes: number;
  links: number;
}

export type TruthRecord = TruthHeader | TruthHub | TruthGang | TruthSeries | TruthTrail | TruthWarning | TruthSeller | TruthSummary;

/** Everything in one object, for small scales and tests. */
export interface Truth {
  header?: TruthHeader;
  hubs: TruthHub[];
  gangs: TruthGang[];
  series: TruthSeries[];
  trails: TruthTrail[];
  warnings: TruthWarning[];
  sellers: TruthSeller[];
  summary?: TruthSummary;
}

export function collectTruth(records: Iterable<TruthRecord>): Truth {
  const t: Truth = { hubs: [], gangs: [], series: [], trails: [], warnings: [], sellers: [] };
  for (const r of records) {
    switch (r.kind) {
      case 'truth':
        t.header = r;
        break;
      case 'hub':
        t.hubs.push(r);
        break;
      case 'gang':
        t.gangs.push(r);
        break;
      case 'series':
        t.series.push(r);
        break;
      case 'trail':
        t.trails.push(r);
        break;
      case 'warning':
        t.warnings.push(r);
        break;
      case 'seller':
        t.sellers.push(r);
        break;
      case 'summary':
        t.summary = r;
        break;
    }
  }
  return t;
}

/** Connected groups of items, given pairs of items that share something (union–find). */
export function groups(n: number, pairs: Iterable<[number, number]>): number[][] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const [a, b] of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = byRoot.get(r);
    if (g) g.push(i);
    else byRoot.set(r, [i]);
  }
  return [...byRoot.values()];
}

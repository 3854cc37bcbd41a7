/**
 * The seed generator: `generateBundle({ scale, seed })` yields a case bundle v1, record by record.
 * It plans the list of gangs up front (a few numbers each), then plans and emits one gang at a
 * time, so memory stays bounded by the largest gang rather than by the bundle.
 */
import { AGENCIES, BASES, type Base } from './places';
import { CASE_CATEGORIES } from '../../server/src/domain/model';
import { allocateCategories, CASE_SHARE } from './calibration';
import { emitGang, type TruthSink } from './emit';
import { GangPlanner, type GangSpec, type ScaleParams } from './plan';
import { hash32, Rng } from './rng';
import { DAY } from './time';
import type { TruthRecord, TruthSummary } from './truth';
import type { BundleRecord, NodeRecord, Scale } from './types';
import { HUBS, World } from './world';
import { demoSpecs, DEMO_PARAMS } from './demo-scenario';

export interface ScaleConfig {
  /** Gangs big enough to have a name, layers and a takedown (or to be found one day). */
  gangs: number;
  /** Of those, how many the police have identified (Gang node, members, suspects). */
  knownGangs: number;
  /** Cases committed by the known gangs, the big ones included: about 90 % of them end up solved. */
  knownGangCases: number;
  /** Cases committed by all those gangs together. */
  gangCases: number;
  /** Case counts of the "7·30"-size gangs, and what was frozen on their cards at the takedown. */
  big: { cases: number; frozen: number }[];
  /** Small unidentified crews behind one to a few cases each. */
  crews: number;
  params: ScaleParams;
}

export const SCALES: Readonly<Record<Exclude<Scale, 'demo'>, ScaleConfig>> = {
  city: {
    gangs: 48,
    knownGangs: 40,
    knownGangCases: 12_200,
    gangCases: 16_500,
    big: [{ cases: 900, frozen: 14_000_000_00 }],
    crews: 4_500,
    params: { shanghaiShare: 0.8, membersPerCase: 0.5, targetsPerCase: 10, quickReport: 0.16 },
  },
  national: {
    gangs: 560,
    knownGangs: 470,
    knownGangCases: 146_000,
    gangCases: 190_000,
    big: Array.from({ length: 12 }, () => ({ cases: 900, frozen: 14_000_000_00 })),
    crews: 54_000,
    params: { shanghaiShare: 0.12, membersPerCase: 0.5, targetsPerCase: 10, quickReport: 0.16 },
  },
};

export interface GenerateOptions {
  scale: Scale;
  seed: number;
  /** Scales the number of gangs and cases (0 < f ≤ 1): a `city`-shaped sample for fast tests. */
  fraction?: number;
  /** Receives the ground truth, record by record. */
  onTruth?: TruthSink;
  /** Called after each gang with (gangs done, gangs in all). */
  onProgress?: (done: number, total: number) => void;
}

export const EXPORTED_AT = '2025-01-15T09:00:00+08:00';
/** The fixed seed `npm start` imports on first run. */
export const DEMO_SEED = 730;

/**
 * Gang sizes: a heavy tail, each from 20 cases up to `cap` (the "7·30"-size gang stays the
 * biggest), summing exactly to the total.
 */
function gangSizes(rng: Rng, n: number, total: number, bigCap = Infinity): number[] {
  if (n <= 0) return [];
  // Small samples have few gangs: the cap must still let them hold every case.
  const cap = Math.max(bigCap, Math.ceil((1.25 * total) / n));
  const w = Array.from({ length: n }, () => Math.pow(1 - rng.next(), -0.8));
  const sizes = new Array<number>(n).fill(0);
  const capped = new Array<boolean>(n).fill(false);
  // Clip the largest to the cap and share what they give up among the others, until none exceed it.
  for (let round = 0; round < n; round++) {
    const left = total - sizes.reduce((a, b, i) => a + (capped[i] ? b : 0), 0);
    const ws = w.reduce((a, x, i) => a + (capped[i] ? 0 : x), 0);
    let clipped = false;
    for (let i = 0; i < n; i++) {
      if (capped[i]) continue;
      sizes[i] = Math.max(20, Math.round((left * w[i]!) / ws));
      if (sizes[i]! > cap) {
        sizes[i] = Math.floor(cap);
        capped[i] = true;
        clipped = true;
      }
    }
    if (!clipped) break;
  }
  let diff = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0 && i < 100 * n; i++) {
    const j = i % n;
    if (diff > 0 && sizes[j]! < cap) {
      sizes[j]!++;
      diff--;
    } else if (diff < 0 && sizes[j]! > 20) {
      sizes[j]!--;
      diff++;
    }
  }
  return sizes;
}

/** Categories a gang works: 2–4, one of them assigned round-robin so every category is covered. */
function gangWeights(rng: Rng, i: number, crew: boolean): number[] {
  if (crew) return CASE_CATEGORIES.map((c) => CASE_SHARE[c]);
  const chosen = new Set<number>([i % CASE_CATEGORIES.length]);
  const k = rng.int(2, 4);
  while (chosen.size < k) chosen.add(rng.weighted(CASE_CATEGORIES.map((c) => CASE_SHARE[c])));
  // A trickle of other kinds keeps the allocation feasible when one gang is large for its categories.
  return CASE_CATEGORIES.map((c, j) => (chosen.has(j) ? CASE_SHARE[c] * (0.5 + rng.next()) : CASE_SHARE[c] * 0.01));
}

const ABROAD = BASES.filter((b) => b.abroad);
const DOMESTIC = BASES.filter((b) => !b.abroad);

export function planSpecs(scale: Exclude<Scale, 'demo'>, rng: Rng, fraction = 1): GangSpec[] {
  const cfg = SCALES[scale];
  const f = Math.min(1, Math.max(1e-4, fraction));
  const gangs = Math.max(cfg.big.length > 0 ? 2 : 1, Math.round(cfg.gangs * f));
  const known = Math.max(1, Math.round(cfg.knownGangs * f));
  const big = cfg.big.slice(0, Math.max(1, Math.round(cfg.big.length * f))).map((b) => ({ cases: Math.max(20, Math.round(b.cases * f)), frozen: b.frozen }));
  const bigCases = big.reduce((s, b) => s + b.cases, 0);
  // Known and unknown gangs are sized separately, so the number of solved cases does not swing
  // with which gangs happen to be the big ones.
  const knownRest = Math.max(0, known - big.length);
  const unknown = Math.max(0, gangs - known);
  const cap = big.length > 0 ? Math.max(40, Math.floor(Math.min(...big.map((b) => b.cases)) * 0.8)) : Infinity;
  const rest = [
    ...gangSizes(rng, knownRest, Math.max(20 * knownRest, Math.round(cfg.knownGangCases * f) - bigCases), cap),
    ...gangSizes(rng, unknown, Math.max(20 * unknown, Math.round((cfg.gangCases - cfg.knownGangCases) * f)), cap),
  ];
  const crews = Math.round(cfg.crews * f);

  const rows: { cases: number; weights: number[]; known: boolean; crew: boolean; frozen?: number }[] = [];
  big.forEach((b, i) => {
    // The "7·30" kind: impersonating the police, fake customer service and loans.
    const w = CASE_CATEGORIES.map((c) => (c === 'IMPERSONATE_AUTHORITY' ? 3 : c === 'FAKE_CUSTOMER_SERVICE' ? 2 : c === 'ONLINE_LOAN' ? 1 : 0.01));
    rows.push({ cases: b.cases, weights: w, known: true, crew: false, frozen: b.frozen });
    void i;
  });
  rest.forEach((n, i) => rows.push({ cases: n, weights: gangWeights(rng, i, false), known: i < knownRest, crew: false }));
  for (let i = 0; i < crews; i++) rows.push({ cases: 1 + Math.min(5, Math.floor(-Math.log(1 - rng.next()) * 1.1)), weights: gangWeights(rng, i, true), known: false, crew: true });
  const counts = allocateCategories(rows);

  // Interleave crews among the gangs so that progress and memory stay even.
  const specs: GangSpec[] = rows.map((r, i) => {
    const base: Base = r.crew ? rng.pick(DOMESTIC) : r.frozen !== undefined ? rng.pick(ABROAD) : rng.chance(0.4) ? rng.pick(ABROAD) : rng.pick(DOMESTIC);
    const start = r.crew ? rng.int(0, 330) * DAY : rng.int(0, 150) * DAY;
    const end = r.crew ? Math.min(364 * DAY, start + rng.int(5, 60) * DAY) : r.known ? Math.min(364 * DAY, start + rng.int(120, 330) * DAY) : 364 * DAY;
    return { index: i + 1, known: r.known, crew: r.crew, categoryCounts: counts[i]!, base, start, end, frozenTarget: r.frozen };
  });
  const order = specs.map((_, i) => i);
  rng.shuffle(order);
  return order.map((i) => specs[i]!);
}

/** Agencies and hubs: the nodes every bundle starts with. */
function* commonNodes(): Generator<NodeRecord> {
  for (const a of AGENCIES) yield { kind: 'node', label: 'Agency', id: `agency:${a.id}`, owner: a.id, props: { name: a.name, province: a.province, level: a.level } };
  for (const h of HUBS) yield { kind: 'node', label: h.label, id: h.id, owner: 'sh-psb', props: h.props };
}

/**
 * Gang i is generated in partition i mod PARTITIONS, each with its own counters and draws. The
 * in-process generator walks the partitions in turn; the command line runs one in a worker thread
 * and writes the same bytes twice as fast.
 */
export const PARTITIONS = 2;

export type Totals = Omit<TruthSummary, 'kind'>;

export const emptyTotals = (): Totals => ({
  cases: 0,
  solvedCases: 0,
  suspects: 0,
  frozenCards: 0,
  gangs: 0,
  knownGangs: 0,
  loss: 0,
  stopped: 0,
  returned: 0,
  records: 0,
  nodes: 0,
  links: 0,
});

export function addTotals(a: Totals, b: Totals): void {
  for (const k of Object.keys(a) as (keyof Totals)[]) a[k] += b[k];
}

function checkOptions(opts: GenerateOptions): void {
  const { scale, seed } = opts;
  if (scale !== 'demo' && scale !== 'city' && scale !== 'national') throw new Error(`unknown scale "${String(scale)}"`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`seed must be a non-negative integer, got ${seed}`);
}

/** The run's plan: which gangs, in which order, with what parameters. The same in every partition. */
export function runPlan(opts: GenerateOptions): { specs: GangSpec[]; params: ScaleParams } {
  checkOptions(opts);
  const specRng = new Rng(opts.seed, 1);
  if (opts.scale === 'demo') return { specs: demoSpecs(specRng), params: DEMO_PARAMS };
  return { specs: planSpecs(opts.scale, specRng, opts.fraction), params: SCALES[opts.scale].params };
}

/** The meta record, agencies and hubs; the truth header and hubs. */
export function* prelude(opts: GenerateOptions, totals: Totals): Generator<BundleRecord> {
  checkOptions(opts);
  const { scale, seed } = opts;
  const truth = opts.onTruth;
  truth?.({
    kind: 'truth',
    version: 1,
    scale,
    seed,
    notes: 'Synthetic data. Amounts in fen, times +08:00. Series join cases that INVOLVE a shared non-hub identifier or share a suspect.',
  });
  for (const h of HUBS) truth?.({ kind: 'hub', id: h.id, what: h.what });
  totals.records++;
  yield {
    kind: 'meta',
    version: 1,
    agency: 'sh-psb',
    agencyName: '上海市公安局反电信网络诈骗中心',
    exportedAt: EXPORTED_AT,
    description: `合成数据（seed generator, scale ${scale}, seed ${seed}）— synthetic case-linkage data calibrated on the Shanghai anti-fraud centre's yearly report; not real people.`,
  };
  for (const n of commonNodes()) {
    totals.records++;
    totals.nodes++;
    yield n;
  }
}

/** One gang: planned in its partition's world, emitted, counted. */
export function* gangRecords(
  world: World,
  spec: GangSpec,
  params: ScaleParams,
  truth: TruthSink | undefined,
  totals: Totals,
): Generator<BundleRecord> {
  const gang = new GangPlanner(world, params, spec, new Rng(hash32(world.seed, spec.index), 2)).plan();
  yield* emitGang(world, gang, truth, totals);
  if (!gang.crew) totals.gangs++;
  if (gang.known) {
    totals.knownGangs++;
    totals.suspects += gang.members.length;
  }
  for (const c of gang.cases) {
    totals.cases++;
    if (c.status === 'SOLVED' || c.status === 'CLOSED') totals.solvedCases++;
    totals.loss += c.loss;
    totals.stopped += c.stopped;
    totals.returned += c.returned;
  }
  for (const c of gang.cards) if (c.frozenAt !== Infinity) totals.frozenCards++;
}

/** A partition's sellers, for the truth; they count as suspects once they appear in the bundle. */
export function sellerTruth(world: World, totals: Totals): TruthRecord[] {
  totals.suspects += world.sellers.filter((s) => s.emitted).length;
  return world.sellers.map((s) => ({ kind: 'seller', person: s.person.id, sells: s.sells, gangs: s.gangs }));
}

export function* generateBundle(opts: GenerateOptions): Generator<BundleRecord> {
  checkOptions(opts);
  const { scale, seed } = opts;
  const totals = emptyTotals();
  yield* prelude(opts, totals);
  const { specs, params } = runPlan(opts);
  const worlds = Array.from({ length: PARTITIONS }, (_, p) => new World(seed, scale, p, PARTITIONS));
  for (let i = 0; i < specs.length; i++) {
    yield* gangRecords(worlds[i % PARTITIONS]!, specs[i]!, params, opts.onTruth, totals);
    opts.onProgress?.(i + 1, specs.length);
  }
  const truth = opts.onTruth;
  for (const w of worlds) {
    const sellers = sellerTruth(w, totals);
    if (truth) for (const s of sellers) truth(s);
  }
  truth?.({ kind: 'summary', ...totals });
}

/** The demo `npm start` imports into an empty store: scale demo, fixed seed. */
export function demoBundle(): Generator<BundleRecord> {
  return generateBundle({ scale: 'demo', seed: DEMO_SEED });
}

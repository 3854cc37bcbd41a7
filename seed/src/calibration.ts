/**
 * The numbers the generator is calibrated on: the Shanghai anti-fraud centre's yearly report.
 * Case shares and loss shares per category, channel shares, and the loss distribution. Draws are
 * stratified (golden-ratio quantiles, quota rounding) rather than independent, so a few thousand
 * cases already reproduce the report's proportions to a fraction of a percentage point.
 */
import { CASE_CATEGORIES, CHANNELS, type CaseCategory, type Channel } from '../../server/src/domain/model';
import { GoldenSequence } from './rng';

/** The six everyday categories: 81.3 % of cases together. */
export const SIX_CATEGORIES: readonly CaseCategory[] = [
  'ONLINE_SHOPPING',
  'ONLINE_LOAN',
  'PART_TIME_JOB',
  'FAKE_CUSTOMER_SERVICE',
  'FAKE_ACQUAINTANCE',
  'ONLINE_ROMANCE',
];

/** Per cent of cases. The six sum to 81.3. */
export const CASE_SHARE: Readonly<Record<CaseCategory, number>> = {
  ONLINE_SHOPPING: 13.5,
  ONLINE_LOAN: 11.8,
  PART_TIME_JOB: 21.0,
  FAKE_CUSTOMER_SERVICE: 14.2,
  FAKE_ACQUAINTANCE: 10.6,
  ONLINE_ROMANCE: 10.2,
  IMPERSONATE_AUTHORITY: 8.4,
  IMPERSONATE_BOSS: 3.1,
  OTHER: 7.2,
};

/** Per cent of loss. The six plus IMPERSONATE_AUTHORITY sum to 76.3. */
export const LOSS_SHARE: Readonly<Record<CaseCategory, number>> = {
  ONLINE_SHOPPING: 3.6,
  ONLINE_LOAN: 5.2,
  PART_TIME_JOB: 17.5,
  FAKE_CUSTOMER_SERVICE: 12.4,
  FAKE_ACQUAINTANCE: 5.6,
  ONLINE_ROMANCE: 15.8,
  IMPERSONATE_AUTHORITY: 16.2,
  IMPERSONATE_BOSS: 15.4,
  OTHER: 8.3,
};

/** Per cent of cases by the channel the victim was reached on. */
export const CHANNEL_SHARE: Readonly<Record<Channel, number>> = { NETWORK: 72.4, PHONE: 21.7, SMS: 5.9 };

/** How each category tends to reach victims, before fitting to the channel shares. */
const CHANNEL_PREFERENCE: Readonly<Record<CaseCategory, readonly [number, number, number]>> = {
  ONLINE_SHOPPING: [0.85, 0.1, 0.05],
  ONLINE_LOAN: [0.7, 0.15, 0.15],
  PART_TIME_JOB: [0.85, 0.05, 0.1],
  FAKE_CUSTOMER_SERVICE: [0.45, 0.5, 0.05],
  FAKE_ACQUAINTANCE: [0.95, 0.03, 0.02],
  ONLINE_ROMANCE: [0.97, 0.02, 0.01],
  IMPERSONATE_AUTHORITY: [0.1, 0.85, 0.05],
  IMPERSONATE_BOSS: [0.97, 0.03, 0.001],
  OTHER: [0.6, 0.25, 0.15],
};

/** Mean loss per case over all categories, in yuan. */
export const MEAN_LOSS_YUAN = 42_000;

/** Spread (log-normal sigma) and cap per category: most cases thousands of yuan, a few millions. */
const LOSS_SHAPE: Readonly<Record<CaseCategory, { sigma: number; capYuan: number }>> = {
  ONLINE_SHOPPING: { sigma: 1.4, capYuan: 800_000 },
  ONLINE_LOAN: { sigma: 1.3, capYuan: 800_000 },
  PART_TIME_JOB: { sigma: 1.6, capYuan: 3_000_000 },
  FAKE_CUSTOMER_SERVICE: { sigma: 1.5, capYuan: 3_000_000 },
  FAKE_ACQUAINTANCE: { sigma: 1.4, capYuan: 1_500_000 },
  ONLINE_ROMANCE: { sigma: 1.6, capYuan: 5_000_000 },
  IMPERSONATE_AUTHORITY: { sigma: 1.6, capYuan: 6_000_000 },
  IMPERSONATE_BOSS: { sigma: 1.5, capYuan: 8_000_000 },
  OTHER: { sigma: 1.6, capYuan: 3_000_000 },
};

/** Acklam's rational approximation of the standard normal quantile. */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

const GRID = 4000;
const Z = Array.from({ length: GRID }, (_, i) => normalQuantile((i + 0.5) / GRID));

/** The median (yuan) that makes a capped log-normal's mean equal the target mean. */
function fitMedian(targetMean: number, sigma: number, cap: number): number {
  const meanFor = (median: number): number => {
    let s = 0;
    for (const z of Z) s += Math.min(cap, median * Math.exp(sigma * z));
    return s / GRID;
  };
  let lo = 1;
  let hi = cap;
  for (let i = 0; i < 60; i++) {
    const mid = Math.sqrt(lo * hi);
    if (meanFor(mid) < targetMean) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

const MEAN_BY_CATEGORY = Object.fromEntries(CASE_CATEGORIES.map((c) => [c, (LOSS_SHARE[c] / CASE_SHARE[c]) * MEAN_LOSS_YUAN])) as Record<CaseCategory, number>;

export interface LossModel {
  readonly median: number;
  readonly sigma: number;
  readonly cap: number;
}

export const LOSS_MODEL: Readonly<Record<CaseCategory, LossModel>> = Object.fromEntries(
  CASE_CATEGORIES.map((c) => {
    const { sigma, capYuan } = LOSS_SHAPE[c];
    const mean = (LOSS_SHARE[c] / CASE_SHARE[c]) * MEAN_LOSS_YUAN;
    return [c, { median: fitMedian(mean, sigma, capYuan), sigma, cap: capYuan }];
  }),
) as Record<CaseCategory, LossModel>;

/** Iterative proportional fitting: scale a non-negative matrix to the given row and column sums. */
export function fitMatrix(m: number[][], rows: readonly number[], cols: readonly number[], iterations = 200): number[][] {
  const out = m.map((r) => r.slice());
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < out.length; i++) {
      const row = out[i]!;
      const s = row.reduce((a, b) => a + b, 0);
      if (s > 0) for (let j = 0; j < row.length; j++) row[j] = (row[j]! * rows[i]!) / s;
    }
    for (let j = 0; j < cols.length; j++) {
      let s = 0;
      for (const row of out) s += row[j]!;
      if (s > 0) for (const row of out) row[j] = (row[j]! * cols[j]!) / s;
    }
  }
  return out;
}

/** P(channel | category), fitted so that the category shares give the channel shares exactly. */
export const CHANNEL_GIVEN_CATEGORY: Readonly<Record<CaseCategory, readonly number[]>> = (() => {
  const fitted = fitMatrix(
    CASE_CATEGORIES.map((c) => [...CHANNEL_PREFERENCE[c]]),
    CASE_CATEGORIES.map((c) => CASE_SHARE[c]),
    CHANNELS.map((ch) => CHANNEL_SHARE[ch]),
  );
  return Object.fromEntries(CASE_CATEGORIES.map((c, i) => [c, fitted[i]!.map((v) => v / CASE_SHARE[c])])) as Record<CaseCategory, number[]>;
})();

/**
 * Stratified draws per category: the k-th case of a category gets the k-th point of its own
 * golden-ratio sequence, for its loss and (separately) for its channel.
 */
export class CategoryDraws {
  private readonly loss = new Map<CaseCategory, GoldenSequence>();
  /** Expected minus drawn loss so far, per category (yuan). */
  private readonly debt = new Map<CaseCategory, number>();
  private readonly channel = new Map<CaseCategory, GoldenSequence>();

  constructor(offset: number) {
    CASE_CATEGORIES.forEach((c, i) => {
      this.loss.set(c, new GoldenSequence(offset + i * 0.1234567));
      this.channel.set(c, new GoldenSequence(offset * 0.5 + i * 0.3819660));
    });
  }

  /** Loss in fen, rounded the way people pay: whole yuan, hundreds for large sums. */
  nextLoss(category: CaseCategory): number {
    const m = LOSS_MODEL[category];
    const u = this.loss.get(category)!.next();
    let yuan = Math.min(m.cap, m.median * Math.exp(m.sigma * normalQuantile(u)));
    // Evenly spread quantiles reach the far tail only after thousands of draws, yet the tail holds
    // a fifth of the mean. When the drawn total lags the expected total by more than one mean,
    // this draw pays the difference: the rare large loss arrives on time, so small samples keep
    // the report's loss shares too.
    const mean = MEAN_BY_CATEGORY[category];
    const debt = (this.debt.get(category) ?? 0) + mean - yuan;
    if (debt > mean) yuan = Math.min(m.cap, yuan + debt - mean);
    // After an early draw from the far tail, the next ones are smaller until the total is back.
    else if (debt < -mean) yuan = Math.max(10, yuan * 0.6);
    this.debt.set(category, (this.debt.get(category) ?? 0) + mean - yuan);
    const rounded = yuan < 2000 ? Math.max(10, Math.round(yuan)) : yuan < 50_000 ? Math.round(yuan / 10) * 10 : Math.round(yuan / 100) * 100;
    return rounded * 100;
  }

  nextChannel(category: CaseCategory): Channel {
    const u = this.channel.get(category)!.next();
    const p = CHANNEL_GIVEN_CATEGORY[category];
    let acc = 0;
    for (let i = 0; i < CHANNELS.length; i++) {
      acc += p[i]!;
      if (u < acc) return CHANNELS[i]!;
    }
    return CHANNELS[CHANNELS.length - 1]!;
  }
}

/**
 * Splits each gang's case count over its categories so that, over all gangs, every category gets
 * its share of cases: fit the gang × category matrix (IPF), then round row by row carrying each
 * column's remainder forward so the totals stay exact.
 */
export function allocateCategories(gangs: readonly { cases: number; weights: readonly number[] }[]): number[][] {
  const total = gangs.reduce((s, g) => s + g.cases, 0);
  const cols = CASE_CATEGORIES.map((c) => (CASE_SHARE[c] / 100) * total);
  const fitted = fitMatrix(
    gangs.map((g) => g.weights.slice()),
    gangs.map((g) => g.cases),
    cols,
  );
  const carry = new Array<number>(CASE_CATEGORIES.length).fill(0);
  const result = fitted.map((row, gi) => {
    const n = gangs[gi]!.cases;
    const want = row.map((v, j) => (v > 0 ? v + carry[j]! : 0));
    const counts = want.map((w) => Math.max(0, Math.floor(w)));
    let left = n - counts.reduce((a, b) => a + b, 0);
    // Too many (carries pushed floors up): take from the smallest remainders first.
    while (left < 0) {
      let best = -1;
      for (let j = 0; j < counts.length; j++) if (counts[j]! > 0 && (best < 0 || want[j]! - counts[j]! < want[best]! - counts[best]!)) best = j;
      counts[best] = counts[best]! - 1;
      left++;
    }
    while (left > 0) {
      let best = -1;
      for (let j = 0; j < counts.length; j++) if (row[j]! > 0 && (best < 0 || want[j]! - counts[j]! > want[best]! - counts[best]!)) best = j;
      counts[best] = counts[best]! + 1;
      left--;
    }
    for (let j = 0; j < counts.length; j++) if (row[j]! > 0) carry[j] = want[j]! - counts[j]!;
    return counts;
  });
  fixColumns(result, gangs, cols);
  return result;
}

/**
 * IPF converges slowly when a few large gangs nearly exhaust a category; the last few cases are
 * moved between categories inside gangs that work both, until every column total is exact.
 */
function fixColumns(counts: number[][], gangs: readonly { weights: readonly number[] }[], cols: readonly number[]): void {
  const total = counts.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0);
  const target = cols.map((c) => Math.floor(c));
  let rest = total - target.reduce((a, b) => a + b, 0);
  cols
    .map((c, j) => [c - Math.floor(c), j] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .forEach(([, j]) => {
      if (rest > 0) {
        target[j]!++;
        rest--;
      }
    });
  const have = target.map((_, j) => counts.reduce((s, r) => s + r[j]!, 0));
  for (let pass = 0; pass < 4 * total; pass++) {
    const over = have.findIndex((h, j) => h > target[j]!);
    const under = have.findIndex((h, j) => h < target[j]!);
    if (over < 0 || under < 0) return;
    let moved = false;
    for (let i = counts.length - 1; i >= 0 && !moved; i--) {
      const row = counts[i]!;
      if (row[over]! > 0 && gangs[i]!.weights[under]! > 0) {
        row[over]!--;
        row[under]!++;
        have[over]!--;
        have[under]!++;
        moved = true;
      }
    }
    if (!moved) return;
  }
}

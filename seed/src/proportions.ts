/**
 * The report's proportions as a store's `stats` shows them: the check that a generated bundle,
 * once imported, still tells the report's story. The targets are the calibration's own numbers,
 * so the check and the generator cannot drift apart.
 */
import { CASE_CATEGORIES, CHANNELS, type CaseCategory } from '../../server/src/domain/model';
import type { Stats, StatsBucket } from '../../server/src/domain/types';
import { CASE_SHARE, CHANNEL_SHARE, LOSS_SHARE, SIX_CATEGORIES } from './calibration';

/** How far a measured share may lie from the report's, in percentage points. */
export const TOLERANCE_POINTS = 2;

export interface Proportion {
  /** What is measured: `cases: PART_TIME_JOB`, `loss: six categories + IMPERSONATE_AUTHORITY`, `channel: SMS`. */
  name: string;
  /** Per cent measured, to two decimals. */
  value: number;
  /** Per cent the report (and so the calibration) gives. */
  target: number;
  /** value − target, in percentage points, to two decimals. */
  deviation: number;
}

/** Two decimals, and never −0 (so that exact comparisons of a zero deviation hold). */
const round2 = (x: number): number => Math.round(x * 100) / 100 + 0;

const sumOf = (keys: readonly CaseCategory[], share: Readonly<Record<CaseCategory, number>>): number => keys.reduce((s, k) => s + share[k], 0);

function measure(name: string, buckets: readonly StatsBucket[], keys: readonly string[], of: 'cases' | 'loss', total: number, target: number): Proportion {
  const part = buckets.filter((b) => keys.includes(b.key)).reduce((s, b) => s + b[of], 0);
  const value = (100 * part) / total;
  return { name, value: round2(value), target: round2(target), deviation: round2(value - target) };
}

/**
 * Every proportion the generator is calibrated on, measured on `stats`: the report's headline
 * shares (the six everyday categories' share of cases; with impersonating authority, their share
 * of loss; the three channels), then each category's share of cases and of loss, which the
 * calibration fixes one by one. Shares are of all cases the stats count, whatever their category.
 */
export function reportProportions(stats: Pick<Stats, 'cases' | 'byCategory' | 'byChannel'>): Proportion[] {
  const { cases, loss } = stats.cases;
  if (cases === 0 || loss === 0) throw new Error(`no cases or no loss to measure (cases ${cases}, loss ${loss})`);
  const withAuthority: CaseCategory[] = [...SIX_CATEGORIES, 'IMPERSONATE_AUTHORITY'];
  return [
    measure('cases: six categories', stats.byCategory, SIX_CATEGORIES, 'cases', cases, sumOf(SIX_CATEGORIES, CASE_SHARE)),
    measure('loss: six categories + IMPERSONATE_AUTHORITY', stats.byCategory, withAuthority, 'loss', loss, sumOf(withAuthority, LOSS_SHARE)),
    ...CHANNELS.map((ch) => measure(`channel: ${ch}`, stats.byChannel, [ch], 'cases', cases, CHANNEL_SHARE[ch])),
    ...CASE_CATEGORIES.map((c) => measure(`cases: ${c}`, stats.byCategory, [c], 'cases', cases, CASE_SHARE[c])),
    ...CASE_CATEGORIES.map((c) => measure(`loss: ${c}`, stats.byCategory, [c], 'loss', loss, LOSS_SHARE[c])),
  ];
}

/** The proportion furthest from its target. */
export function largestDeviation(proportions: readonly Proportion[]): Proportion {
  if (proportions.length === 0) throw new Error('no proportions');
  return proportions.reduce((worst, p) => (Math.abs(p.deviation) > Math.abs(worst.deviation) ? p : worst));
}

/** Those further from their target than the tolerance allows. */
export const outsideTolerance = (proportions: readonly Proportion[], points = TOLERANCE_POINTS): Proportion[] =>
  proportions.filter((p) => Math.abs(p.deviation) > points);

/** One line per proportion: `cases: six categories 81.25 % (report 81.3 %, -0.05 points)`. */
export const describeProportion = (p: Proportion): string =>
  `${p.name} ${p.value} % (report ${p.target} %, ${p.deviation > 0 ? '+' : ''}${p.deviation} points)`;

/**
 * The timeline strip: a histogram of the visible links' times, in buckets that start on Shanghai
 * clock boundaries (a day bucket starts at midnight in Shanghai, a month on the 1st), and the
 * filter that a brushed window applies to the canvas.
 */
import type { ElementDefinition } from 'cytoscape';
import { SHANGHAI_OFFSET, toFen } from '../format';

/** What the timeline needs of a link: edge `data` from `toElements` has it. */
export interface TimedLink {
  id: string;
  /** Epoch ms; absent when the link has no time. */
  t?: number;
  /** Fen, for money links. */
  amount?: string;
}

export interface TimeBucket {
  start: number;
  end: number;
  count: number;
  /** Money moved in the bucket, in fen. */
  amount: string;
}

export interface TimeHistogram {
  /** Start of the first bucket and end of the last (epoch ms); 0 when nothing is timed. */
  from: number;
  to: number;
  /** The bucket width's name: 1m 5m 15m 30m 1h 3h 6h 12h 1d 7d 1M 3M 1y. */
  step: Step;
  buckets: TimeBucket[];
  /** Links without a time (they always stay visible). */
  untimed: number;
}

export type Step = '1m' | '5m' | '15m' | '30m' | '1h' | '3h' | '6h' | '12h' | '1d' | '7d' | '1M' | '3M' | '1y';

const MIN = 60_000;
const FIXED: [Step, number][] = [
  ['1m', MIN],
  ['5m', 5 * MIN],
  ['15m', 15 * MIN],
  ['30m', 30 * MIN],
  ['1h', 60 * MIN],
  ['3h', 180 * MIN],
  ['6h', 360 * MIN],
  ['12h', 720 * MIN],
  ['1d', 1440 * MIN],
  ['7d', 7 * 1440 * MIN],
];
const MONTHS: [Step, number][] = [
  ['1M', 1],
  ['3M', 3],
  ['1y', 12],
];
/** 1970-01-01 was a Thursday: weeks start on Monday, four days later. */
const WEEK_SHIFT = 4 * 1440 * MIN;

function links(items: Iterable<TimedLink | ElementDefinition>): TimedLink[] {
  const out: TimedLink[] = [];
  for (const item of items) {
    const d = ('data' in item ? item.data : item) as TimedLink & { source?: string };
    if ('data' in item && d.source === undefined) continue; // a node
    out.push(d);
  }
  return out;
}

/** Where the bucket holding `t` starts, and where the next one does. */
function bucketOf(t: number, step: Step): [number, number] {
  const fixed = FIXED.find(([s]) => s === step);
  if (fixed) {
    const w = fixed[1];
    const shift = step === '7d' ? WEEK_SHIFT : 0;
    const start = Math.floor((t + SHANGHAI_OFFSET - shift) / w) * w - SHANGHAI_OFFSET + shift;
    return [start, start + w];
  }
  const months = MONTHS.find(([s]) => s === step)![1];
  const local = new Date(t + SHANGHAI_OFFSET);
  const m = Math.floor((local.getUTCFullYear() * 12 + local.getUTCMonth()) / months) * months;
  const start = Date.UTC(Math.floor(m / 12), m % 12, 1) - SHANGHAI_OFFSET;
  const end = Date.UTC(Math.floor((m + months) / 12), (m + months) % 12, 1) - SHANGHAI_OFFSET;
  return [start, end];
}

/**
 * Buckets the links' times with the finest step that needs at most `maxBuckets` buckets
 * (default 60). Pass the visible edges (their `data`, or the element definitions).
 */
export function timeHistogram(items: Iterable<TimedLink | ElementDefinition>, opts: { maxBuckets?: number } = {}): TimeHistogram {
  const all = links(items);
  const timed = all.filter((l) => l.t !== undefined && Number.isFinite(l.t));
  const untimed = all.length - timed.length;
  if (!timed.length) return { from: 0, to: 0, step: '1d', buckets: [], untimed };
  let min = Infinity;
  let max = -Infinity;
  for (const l of timed) (min = Math.min(min, l.t!)), (max = Math.max(max, l.t!));
  const maxBuckets = Math.max(1, opts.maxBuckets ?? 60);
  const steps = [...FIXED, ...MONTHS].map(([s]) => s);
  const step = steps.find((s) => countBuckets(min, max, s, maxBuckets) <= maxBuckets) ?? '1y';
  const buckets: TimeBucket[] = [];
  for (let [start, end] = bucketOf(min, step); start <= max; [start, end] = bucketOf(end, step)) buckets.push({ start, end, count: 0, amount: '0' });
  const sums = buckets.map(() => 0n);
  for (const l of timed) {
    let lo = 0;
    let hi = buckets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (buckets[mid]!.start <= l.t!) lo = mid;
      else hi = mid - 1;
    }
    buckets[lo]!.count++;
    const fen = toFen(l.amount);
    if (fen !== null) sums[lo] = sums[lo]! + fen;
  }
  buckets.forEach((b, i) => (b.amount = sums[i]!.toString()));
  return { from: buckets[0]!.start, to: buckets[buckets.length - 1]!.end, step, buckets, untimed };
}

function countBuckets(min: number, max: number, step: Step, limit: number): number {
  let n = 0;
  for (let [, end] = bucketOf(min, step); ; [, end] = bucketOf(end, step)) {
    n++;
    if (end > max || n > limit) return n;
  }
}

export interface TimeWindow {
  /** Epoch ms, inclusive; null or absent for unbounded. */
  from?: number | null;
  to?: number | null;
}

/**
 * Which elements stay visible while a window is brushed: timed links inside it; nodes that have
 * such a link, or no timed link at all (people, cases); untimed links between visible nodes.
 * Ids in the order given.
 */
export function filterByTime(els: readonly ElementDefinition[], window: TimeWindow): { visible: string[]; hidden: string[] } {
  const from = window.from ?? -Infinity;
  const to = window.to ?? Infinity;
  const timedNode = new Set<string>();
  const litNode = new Set<string>();
  const timedIn = new Set<string>();
  for (const e of els) {
    const d = e.data as { id: string; source?: string; target?: string; t?: number };
    if (d.source === undefined || d.t === undefined) continue;
    timedNode.add(d.source);
    timedNode.add(d.target!);
    if (d.t >= from && d.t <= to) (timedIn.add(d.id), litNode.add(d.source), litNode.add(d.target!));
  }
  const nodeVisible = (id: string) => litNode.has(id) || !timedNode.has(id);
  const visible: string[] = [];
  const hidden: string[] = [];
  for (const e of els) {
    const d = e.data as { id: string; source?: string; target?: string; t?: number };
    const show = d.source === undefined ? nodeVisible(d.id) : d.t !== undefined ? timedIn.has(d.id) : nodeVisible(d.source) && nodeVisible(d.target!);
    (show ? visible : hidden).push(d.id);
  }
  return { visible, hidden };
}

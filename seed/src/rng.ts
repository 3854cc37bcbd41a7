/**
 * A small seeded PRNG (sfc32) so that a seed and a scale always give the same bundle, byte for
 * byte. Math.random and the clock are never used. Independent streams (one per gang) are derived
 * by hashing (seed, stream), so generating gang 7 does not depend on how many numbers gang 6 drew.
 */

/** splitmix32-style integer hash, used to derive stream seeds. */
export function hash32(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const v of values) {
    h = Math.imul(h ^ (v >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    h = (h + Math.floor(v / 4294967296)) | 0;
  }
  return h >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    this.a = hash32(seed, stream, 1);
    this.b = hash32(seed, stream, 2);
    this.c = hash32(seed, stream, 3);
    this.d = hash32(seed, stream, 4) | 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A fresh generator whose numbers do not depend on how many this one draws later. */
  fork(stream: number): Rng {
    return new Rng(this.u32(), stream);
  }

  u32(): number {
    const t0 = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const t = (t0 + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Index drawn from a precomputed table (binary search): for the lists drawn from millions of times. */
  from(table: WeightTable): number {
    return table.index(this.next());
  }

  /** Index drawn with probability proportional to its weight. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Standard normal (Box–Muller, one value per call so the stream stays simple). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median: heavy-tailed durations and amounts. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i] as T;
      items[i] = items[j] as T;
      items[j] = t;
    }
    return items;
  }

  /** k distinct indices out of n (k ≤ n), in random order. */
  sample(n: number, k: number): number[] {
    const out: number[] = [];
    const seen = new Set<number>();
    while (out.length < Math.min(k, n)) {
      const i = Math.floor(this.next() * n);
      if (!seen.has(i)) {
        seen.add(i);
        out.push(i);
      }
    }
    return out;
  }
}

/** Cumulative weights, so a weighted draw is a binary search rather than a walk over the list. */
export class WeightTable {
  private readonly cum: Float64Array;

  constructor(weights: readonly number[]) {
    this.cum = new Float64Array(weights.length);
    let s = 0;
    weights.forEach((w, i) => {
      s += w;
      this.cum[i] = s;
    });
  }

  index(u: number): number {
    const cum = this.cum;
    const x = u * cum[cum.length - 1]!;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** The additive golden-ratio sequence: evenly spread points in (0, 1) for stratified draws. */
export class GoldenSequence {
  private static readonly STEP = 0.6180339887498949;
  private x: number;

  constructor(offset: number) {
    this.x = offset - Math.floor(offset);
  }

  next(): number {
    this.x += GoldenSequence.STEP;
    if (this.x >= 1) this.x -= 1;
    // Keep away from 0 so inverse CDFs stay finite.
    return Math.min(Math.max(this.x, 1e-9), 1 - 1e-9);
  }
}

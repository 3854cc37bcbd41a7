/**
 * Money flow: cards left to right, layer by layer, the way the money moved. A card's column is
 * its hop distance from the victims' cards (the seeds; without seeds, the cards nothing was
 * transferred into, or the source of a closed loop's earliest transfer). Cards that sent money
 * into a seed sit to its left. Within columns, cards are ordered by when money first reached
 * them and then by barycentre sweeps (Sugiyama), keeping the order with the fewest crossings.
 */
import { moneyWidth } from '../elements';
import { toEpoch } from '../format';

export type Position = { x: number; y: number };

export interface Transfer {
  id: string;
  from: string;
  to: string;
  /** ISO 8601 or epoch ms. */
  at?: string | number | null;
  /** Fen (the Money scalar). */
  amount?: string | number | null;
}

export interface MoneyFlowInput {
  /** Card node ids (any others linked by transfers are placed too). */
  nodes: readonly string[];
  transfers: readonly Transfer[];
  /** Victims' cards, the money's starting points. */
  seeds?: readonly string[];
  spacing?: { x?: number; y?: number };
  /** Barycentre sweeps (down and up) to try; default 4. */
  sweeps?: number;
}

export interface MoneyColumn {
  index: number;
  x: number;
  count: number;
  /** Epoch ms of the earliest and latest transfer into the column's cards (out of, for the first column). */
  first?: number;
  last?: number;
}

export interface MoneyFlowLayout {
  positions: Record<string, Position>;
  columns: MoneyColumn[];
  /** Link width in px by amount, per transfer id. */
  widths: Record<string, number>;
  /** Crossings between adjacent columns in the returned order. */
  crossings: number;
}

export function moneyFlowLayout(input: MoneyFlowInput): MoneyFlowLayout {
  const dx = input.spacing?.x ?? 220;
  const dy = input.spacing?.y ?? 60;
  const time = (t: Transfer) => (typeof t.at === 'number' ? t.at : (toEpoch(t.at) ?? Infinity));
  const nodes = [...new Set([...input.nodes, ...input.transfers.flatMap((t) => [t.from, t.to])])].sort(cmp);
  const out = new Map<string, Transfer[]>();
  const inn = new Map<string, Transfer[]>();
  for (const n of nodes) (out.set(n, []), inn.set(n, []));
  const transfers = input.transfers.filter((t) => t.from !== t.to);
  for (const t of transfers) (out.get(t.from)!.push(t), inn.get(t.to)!.push(t));

  const col = new Map<string, number>();
  let seeds = (input.seeds ?? []).filter((s) => out.has(s));
  while (col.size < nodes.length) {
    const open = nodes.filter((n) => !col.has(n));
    if (!seeds.length) seeds = autoSeeds(open, inn, out, col, time);
    for (const s of seeds) col.set(s, 0);
    // Forward: hop distance from the seeds.
    let level = seeds;
    for (let d = 1; level.length; d++) {
      const next: string[] = [];
      for (const u of level) for (const t of out.get(u)!) if (!col.has(t.to)) (col.set(t.to, d), next.push(t.to));
      level = next;
    }
    // Backward: whoever paid into placed cards, one column to the left of them.
    level = open.filter((n) => col.has(n));
    while (level.length) {
      const next: string[] = [];
      for (const v of level) for (const t of inn.get(v)!) if (!col.has(t.from)) (col.set(t.from, col.get(v)! - 1), next.push(t.from));
      level = next;
    }
    seeds = [];
  }
  const min = Math.min(0, ...col.values());
  const columns: string[][] = [];
  for (const n of nodes) {
    const c = col.get(n)! - min;
    col.set(n, c);
    (columns[c] ??= []).push(n);
  }

  // First order: when money first reached a card (left its card, for the first column).
  const firstIn = (n: string) => Math.min(Infinity, ...inn.get(n)!.map(time));
  const firstOut = (n: string) => Math.min(Infinity, ...out.get(n)!.map(time));
  columns.forEach((cards, c) => cards.sort((a, b) => (c === 0 ? firstOut(a) - firstOut(b) : firstIn(a) - firstIn(b)) || cmp(a, b)));

  const pairs = uniquePairs(transfers);
  const pos = new Map<string, number>();
  const index = () => columns.forEach((cards) => cards.forEach((n, i) => pos.set(n, i - (cards.length - 1) / 2)));
  index();
  let best = columns.map((c) => [...c]);
  let bestCrossings = crossings(columns, pairs, col, pos);
  const preds = new Map<string, string[]>();
  const succs = new Map<string, string[]>();
  for (const [u, v] of pairs) {
    if (col.get(u)! < col.get(v)!) ((preds.get(v) ?? preds.set(v, []).get(v)!).push(u), (succs.get(u) ?? succs.set(u, []).get(u)!).push(v));
    else if (col.get(u)! > col.get(v)!) ((preds.get(u) ?? preds.set(u, []).get(u)!).push(v), (succs.get(v) ?? succs.set(v, []).get(v)!).push(u));
  }
  const sweeps = input.sweeps ?? 4;
  for (let s = 0; s < sweeps && bestCrossings > 0; s++) {
    const down = s % 2 === 0;
    const order = down ? columns.map((_, i) => i) : columns.map((_, i) => columns.length - 1 - i);
    for (const c of order) {
      const cards = columns[c]!;
      const key = new Map(cards.map((n) => [n, barycentre(down ? preds.get(n) : succs.get(n), pos) ?? pos.get(n)!]));
      cards.sort((a, b) => key.get(a)! - key.get(b)!);
      cards.forEach((n, i) => pos.set(n, i - (cards.length - 1) / 2));
    }
    const x = crossings(columns, pairs, col, pos);
    if (x < bestCrossings) (bestCrossings = x), (best = columns.map((cards) => [...cards]));
  }

  const positions: Record<string, Position> = {};
  best.forEach((cards, c) => cards.forEach((n, i) => (positions[n] = { x: c * dx, y: (i - (cards.length - 1) / 2) * dy })));
  const cols: MoneyColumn[] = best.map((cards, c) => {
    const times = cards.flatMap((n) => (c === 0 ? out.get(n)! : inn.get(n)!).map(time)).filter(Number.isFinite);
    const column: MoneyColumn = { index: c, x: c * dx, count: cards.length };
    if (times.length) (column.first = Math.min(...times)), (column.last = Math.max(...times));
    return column;
  });
  const widths: Record<string, number> = {};
  for (const t of input.transfers) widths[t.id] = moneyWidth(t.amount);
  return { positions, columns: cols, widths, crossings: bestCrossings };
}

/** Cards nothing was paid into; for a closed loop, the source of its earliest transfer. */
function autoSeeds(open: string[], inn: Map<string, Transfer[]>, out: Map<string, Transfer[]>, placed: Map<string, number>, time: (t: Transfer) => number): string[] {
  const isOpen = new Set(open);
  const seeds = open.filter((n) => !inn.get(n)!.some((t) => isOpen.has(t.from)));
  if (seeds.length) return seeds;
  let first: Transfer | undefined;
  for (const n of open) for (const t of out.get(n)!) if (!placed.has(t.to) && (!first || time(t) < time(first) || (time(t) === time(first) && cmp(t.id, first.id) < 0))) first = t;
  return [first ? first.from : open[0]!];
}

function barycentre(ns: string[] | undefined, pos: Map<string, number>): number | undefined {
  if (!ns?.length) return undefined;
  let s = 0;
  for (const n of ns) s += pos.get(n)!;
  return s / ns.length;
}

function uniquePairs(transfers: readonly Transfer[]): [string, string][] {
  const seen = new Set<string>();
  const pairs: [string, string][] = [];
  for (const t of transfers) {
    const k = `${t.from}\u0000${t.to}`;
    if (!seen.has(k)) (seen.add(k), pairs.push([t.from, t.to]));
  }
  return pairs;
}

/** Crossings among links between adjacent columns: inversions, counted with a Fenwick tree. */
function crossings(columns: string[][], pairs: [string, string][], col: Map<string, number>, pos: Map<string, number>): number {
  const byGap = new Map<number, [number, number][]>();
  for (const [u, v] of pairs) {
    const [a, b] = col.get(u)! < col.get(v)! ? [u, v] : [v, u];
    if (col.get(b)! - col.get(a)! !== 1) continue;
    const c = col.get(a)!;
    const len = columns[c]!.length;
    const len2 = columns[c + 1]!.length;
    (byGap.get(c) ?? byGap.set(c, []).get(c)!).push([pos.get(a)! + (len - 1) / 2, pos.get(b)! + (len2 - 1) / 2]);
  }
  let total = 0;
  for (const [c, edges] of byGap) {
    edges.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    const size = columns[c + 1]!.length;
    const tree = new Array<number>(size + 1).fill(0);
    let seen = 0;
    for (const [, b] of edges) {
      // links already counted that start no lower but end lower than this one cross it
      let le = 0;
      for (let i = b + 1; i > 0; i -= i & -i) le += tree[i]!;
      total += seen - le;
      for (let i = b + 1; i <= size; i += i & -i) tree[i] = tree[i]! + 1;
      seen++;
    }
  }
  return total;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import type { GraphCache } from './graph-cache';

/**
 * Every node's place in id order (the order `ORDER BY n.id` and the cached reads' `<` give), so
 * that ordering thousands of reached nodes compares numbers rather than decoding each id.
 * Nodes added after it was made have no place and are ordered by their ids.
 */
export interface IdOrder {
  /** Nodes [0, ranked) have a place. */
  ranked: number;
  /** rank[v]: node v's place. */
  rank: Uint32Array;
  /** byRank[r]: the node at place r. */
  byRank: Int32Array;
}

const orders = new WeakMap<GraphCache, IdOrder>();

/** The id order of a cache's nodes, made on first use (about a second per million nodes). */
export function idOrder(cache: GraphCache): IdOrder {
  let order = orders.get(cache);
  if (!order) {
    const ranked = cache.nodeCount;
    const ids = Array.from({ length: ranked }, (_, v) => cache.nodeId(v));
    const byRank = Int32Array.from(ids.keys()).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
    const rank = new Uint32Array(ranked);
    byRank.forEach((v, r) => (rank[v] = r));
    order = { ranked, rank, byRank };
    orders.set(cache, order);
  }
  return order;
}

/** The places of nodes in id order, or null when one has none. */
function ranksOf(order: IdOrder, nodes: readonly number[]): Uint32Array | null {
  const ranks = new Uint32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const v = nodes[i]!;
    if (v >= order.ranked) return null;
    ranks[i] = order.rank[v]!;
  }
  return ranks;
}

/** Sorts nodes into id order, in place. */
export function sortById(cache: GraphCache, nodes: number[]): number[] {
  const order = idOrder(cache);
  const ranks = ranksOf(order, nodes);
  if (ranks) {
    ranks.sort();
    for (let i = 0; i < ranks.length; i++) nodes[i] = order.byRank[ranks[i]!]!;
    return nodes;
  }
  const ids = new Map(nodes.map((v) => [v, cache.nodeId(v)]));
  return nodes.sort((a, b) => (ids.get(a)! < ids.get(b)! ? -1 : ids.get(a)! > ids.get(b)! ? 1 : 0));
}

/**
 * The first `k` of the nodes in id order, in that order (what sortById(...).slice(0, k) gives):
 * the k smallest places are selected before any is sorted, so that a 2-hop neighbourhood
 * limited to 200 nodes sorts 200 places, not the 100,000 nodes its second hop may reach.
 */
export function firstById(cache: GraphCache, nodes: readonly number[], k: number): number[] {
  const order = idOrder(cache);
  const ranks = nodes.length > 2 * k ? ranksOf(order, nodes) : null;
  if (!ranks) return sortById(cache, [...nodes]).slice(0, k);
  selectSmallest(ranks, k);
  const first = ranks.subarray(0, k).sort();
  return Array.from(first, (r) => order.byRank[r]!);
}

/** Puts the k smallest of distinct numbers into a[0, k), in no order (Hoare's selection). */
function selectSmallest(a: Uint32Array, k: number): void {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = median(a[lo]!, a[(lo + hi) >>> 1]!, a[hi]!);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    // a[lo, j] <= pivot <= a[i, hi]
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else return;
  }
}

const median = (a: number, b: number, c: number) => (a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b);

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

/** Sorts nodes into id order, in place. */
export function sortById(cache: GraphCache, nodes: number[]): number[] {
  const order = idOrder(cache);
  if (nodes.every((v) => v < order.ranked)) {
    const ranks = Uint32Array.from(nodes, (v) => order.rank[v]!).sort();
    ranks.forEach((r, i) => (nodes[i] = order.byRank[r]!));
    return nodes;
  }
  const ids = new Map(nodes.map((v) => [v, cache.nodeId(v)]));
  return nodes.sort((a, b) => (ids.get(a)! < ids.get(b)! ? -1 : ids.get(a)! > ids.get(b)! ? 1 : 0));
}

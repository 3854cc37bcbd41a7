import { LABEL_NAMES, LINK_TYPE_NAMES, type Label, type LinkType } from '../../domain/model';
import type { GraphLink, GraphNode, Viewer } from '../../domain/types';
import { linkIdentity } from '../batch-check';
import type { GraphCache } from './graph-cache';
import { firstById } from './id-order';

/**
 * The traversals of the GraphStore port over a GraphCache, with the same rules as the Cypher in
 * cypher/reach.cypher, links-among.cypher and paths.cypher: a link counts when the viewer may
 * see it, its type is asked and (for neighbourhoods) its time lies in the window; nodes along
 * the way are not tested; the ends returned are.
 */

export interface LinkFilter {
  /** Visible owner sets, by number (GraphCache.visibleOwnerSets). */
  visible: Uint8Array;
  types: Uint8Array;
  /** Epoch ms, inclusive; ±Infinity when open. */
  from: number;
  to: number;
}

/**
 * A viewer, or the owner sets it may see (GraphCache.visibleOwnerSets) worked out once by a read
 * that asks more than once: working them out lists the viewer's principals anew each time.
 */
export type Sight = Viewer | Uint8Array;

export const ownerSetsOf = (cache: GraphCache, sight: Sight): Uint8Array => (sight instanceof Uint8Array ? sight : cache.visibleOwnerSets(sight));

export function linkFilter(cache: GraphCache, sight: Sight, linkTypes: readonly LinkType[], window: { from: string; to: string } | null): LinkFilter {
  const types = new Uint8Array(LINK_TYPE_NAMES.length);
  for (const t of linkTypes) types[LINK_TYPE_NAMES.indexOf(t)] = 1;
  return {
    visible: ownerSetsOf(cache, sight),
    types,
    from: window ? Date.parse(window.from) : -Infinity,
    to: window ? Date.parse(window.to) : Infinity,
  };
}

export function passes(cache: GraphCache, f: LinkFilter, l: number): boolean {
  if (f.visible[cache.linkOwners[l]!] !== 1 || f.types[cache.linkType[l]!] !== 1) return false;
  const at = cache.linkAt[l]!;
  return Number.isNaN(at) || (at >= f.from && at <= f.to);
}

const other = (cache: GraphCache, l: number, v: number) => (cache.linkFrom[l] === v ? cache.linkTo[l]! : cache.linkFrom[l]!);

/** Marks of the nodes a traversal has reached: `seen[v] === epoch`. Traversals are synchronous, so one set serves all. */
let seen = new Uint32Array(0);
let epoch = 0;
/** Degrees of the nodes linksAmong is given, by node (valid where marked). */
let degrees = new Uint32Array(0);

function freshMarks(size: number): number {
  if (seen.length < size) seen = new Uint32Array(Math.max(size, 2 * seen.length));
  if (++epoch === 0xffffffff) {
    seen.fill(0);
    epoch = 1;
  }
  return epoch;
}

/** Nodes within `hops` of the seeds by distance: layers[d - 1] holds those at least distance d; seeds left out. */
export function reach(cache: GraphCache, seeds: number[], hops: number, f: LinkFilter): number[][] {
  const mark = freshMarks(cache.nodeCount);
  for (const s of seeds) seen[s] = mark;
  const layers: number[][] = [];
  let frontier = seeds;
  for (let d = 1; d <= hops && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const v of frontier) {
      cache.forEachLink(v, (l) => {
        if (!passes(cache, f, l)) return;
        const w = other(cache, l, v);
        if (seen[w] !== mark) {
          seen[w] = mark;
          next.push(w);
        }
      });
    }
    layers.push(next);
    frontier = next;
  }
  return layers;
}

/**
 * Every link that passes the filter among the given nodes, in identity order. Each link is read
 * from the end with fewer links (the lower id on a tie), so the node with the most links is read
 * only for a link to itself: a hub among a neighbourhood's nodes (a phone with 75,000 contacts)
 * costs its links among them, not all of its own.
 */
export function linksAmong(cache: GraphCache, nodes: number[], f: LinkFilter): GraphLink[] {
  // The nodes are marked (seen[v] === mark) and their degrees kept by node: a Map of them was
  // most of this function's own time.
  const mark = freshMarks(cache.nodeCount);
  if (degrees.length < seen.length) degrees = new Uint32Array(seen.length);
  const members: number[] = [];
  for (const v of nodes) {
    if (seen[v] === mark) continue;
    seen[v] = mark;
    degrees[v] = cache.degree(v);
    members.push(v);
  }
  const before = (x: number, y: number) => degrees[x]! < degrees[y]! || (degrees[x] === degrees[y] && x < y);
  let last = -1;
  for (const v of members) if (last === -1 || before(last, v)) last = v;
  // Each node's id decoded once, not once a link: the links among a few nodes share their ends.
  const ids = new Map<number, string>();
  const idOf = (v: number) => ids.get(v) ?? ids.set(v, cache.nodeId(v)).get(v)!;
  const links: GraphLink[] = [];
  for (const v of members) {
    if (v === last && !cache.linksItself(v)) continue;
    cache.forEachLink(v, (l) => {
      const w = cache.linkFrom[l] === v ? cache.linkTo[l]! : cache.linkFrom[l]!;
      if ((w === v || (seen[w] === mark && before(v, w))) && passes(cache, f, l)) links.push(cache.link(l, idOf(cache.linkFrom[l]!), idOf(cache.linkTo[l]!)));
    });
  }
  const keyed = links.map((l) => [linkIdentity(l), l] as const);
  keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return keyed.map(([, l]) => l);
}

export interface Reached {
  kept: GraphNode[];
  keptIndexes: number[];
  beyond: Partial<Record<Label, number>>;
  total: number;
}

/**
 * The nearest `limit` of the reached nodes the viewer may see, of the labels asked, nearest
 * first and by id; counts of the rest by label. Only the layer the limit cuts is put in id
 * order beyond what is kept; the layers past it are only counted.
 */
export function nearest(cache: GraphCache, layers: number[][], visibleNode: (v: number) => boolean, labels: Set<Label>, limit: number): Reached {
  const asked = new Uint8Array(LABEL_NAMES.length);
  for (const l of labels) asked[LABEL_NAMES.indexOf(l)] = 1;
  const keptIndexes: number[] = [];
  /** Left out, by label code. */
  const left = new Uint32Array(LABEL_NAMES.length);
  let total = 0;
  for (const layer of layers) {
    const room = limit - keptIndexes.length;
    if (room <= 0) {
      // Past the limit: only counted.
      for (const v of layer) {
        const code = cache.nodeLabel[v]!;
        if (asked[code] === 1 && visibleNode(v)) {
          left[code]!++;
          total++;
        }
      }
      continue;
    }
    // Every candidate's label is counted as it is found, and the kept ones' taken off again.
    const candidates: number[] = [];
    for (const v of layer) {
      const code = cache.nodeLabel[v]!;
      if (asked[code] === 1 && visibleNode(v)) {
        candidates.push(v);
        left[code]!++;
      }
    }
    total += candidates.length;
    const kept = firstById(cache, candidates, room);
    keptIndexes.push(...kept);
    for (const v of kept) left[cache.nodeLabel[v]!]!--;
  }
  const beyond: Partial<Record<Label, number>> = {};
  left.forEach((count, code) => count > 0 && (beyond[LABEL_NAMES[code]!] = count));
  return { kept: keptIndexes.map((v) => cache.node(v)), keptIndexes, beyond, total };
}

/** One shortest route: its nodes, and for each hop every parallel link that makes it. */
export interface Route {
  nodes: number[];
  hops: number[][];
}

/**
 * The shortest routes from a to b of at most `maxHops` links, found by a breadth-first search
 * from both ends, up to `cap` of them in the order of their node ids.
 */
export function shortestRoutes(cache: GraphCache, a: number, b: number, maxHops: number, f: LinkFilter, cap: number): Route[] {
  const distA = new Map<number, number>([[a, 0]]);
  const distB = new Map<number, number>([[b, 0]]);
  let frontA = [a];
  let frontB = [b];
  let depthA = 0;
  let depthB = 0;
  let length = -1;
  while (depthA + depthB < maxHops && frontA.length > 0 && frontB.length > 0) {
    // Grow the smaller side by one layer; the first layer that touches the other side gives the length.
    const growA = frontA.length <= frontB.length;
    const [front, dist, otherDist] = growA ? [frontA, distA, distB] : [frontB, distB, distA];
    const depth = (growA ? depthA : depthB) + 1;
    const next: number[] = [];
    for (const v of front) {
      cache.forEachLink(v, (l) => {
        if (!passes(cache, f, l)) return;
        const w = other(cache, l, v);
        if (dist.has(w)) return;
        dist.set(w, depth);
        next.push(w);
        const there = otherDist.get(w);
        if (there !== undefined && (length < 0 || depth + there < length)) length = depth + there;
      });
    }
    if (growA) [frontA, depthA] = [next, depth];
    else [frontB, depthB] = [next, depth];
    if (length >= 0) break;
  }
  if (length < 0) return [];
  // Node v sits at hop i of a shortest route when it lies i from a and length - i from b, as far
  // as each search reached.
  const onRoute = (v: number, i: number) =>
    (i > depthA || distA.get(v) === i) && (length - i > depthB || distB.get(v) === length - i);
  const routes: Route[] = [];
  const path = [a];
  const hops: number[][] = [];
  // A node lies at one hop of every shortest route it is on: one that led nowhere once always will.
  const dead = new Set<number>();
  const extend = (v: number, i: number) => {
    if (routes.length >= cap) return;
    if (i === length) {
      routes.push({ nodes: [...path], hops: hops.map((h) => [...h]) });
      return;
    }
    const byNext = new Map<number, number[]>();
    cache.forEachLink(v, (l) => {
      if (!passes(cache, f, l)) return;
      const w = other(cache, l, v);
      if (!onRoute(w, i + 1)) return;
      const list = byNext.get(w);
      if (list) list.push(l);
      else byNext.set(w, [l]);
    });
    const next = [...byNext.keys()].sort((x, y) => (cache.nodeId(x) < cache.nodeId(y) ? -1 : 1));
    for (const w of next) {
      if (dead.has(w)) continue;
      const before = routes.length;
      path.push(w);
      hops.push(byNext.get(w)!);
      extend(w, i + 1);
      path.pop();
      hops.pop();
      if (routes.length === before && routes.length < cap) dead.add(w);
    }
  };
  extend(a, 0);
  return routes;
}

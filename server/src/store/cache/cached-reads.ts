import type { Label, LinkType } from '../../domain/model';
import type { GraphLink, GraphNode, LinkedCase, Neighborhood, PathsResult, Viewer } from '../../domain/types';
import { linkIdentity } from '../batch-check';
import { hopLink } from '../path-links';
import type { GraphCache } from './graph-cache';
import { linkFilter, linksAmong, nearest, ownerSetsOf, passes, reach, shortestRoutes, type Sight } from './traverse';

/** The port's reads that walk the graph, answered from a GraphCache (same results as cypher-store.ts). */

export function visibleNodes(cache: GraphCache, sight: Sight): (v: number) => boolean {
  const visible = ownerSetsOf(cache, sight);
  return (v) => visible[cache.nodeOwners[v]!] === 1;
}

/** Indexes of the visible nodes among `ids`, in the order asked, once each. */
export function visibleIndexes(cache: GraphCache, sight: Sight, ids: string[]): number[] {
  const visible = visibleNodes(cache, sight);
  const out: number[] = [];
  for (const id of new Set(ids)) {
    const v = cache.indexOf(id);
    if (v !== undefined && visible(v)) out.push(v);
  }
  return out;
}

export function cachedNodes(cache: GraphCache, viewer: Viewer, ids: string[]): GraphNode[] {
  return visibleIndexes(cache, viewer, ids).map((v) => cache.node(v));
}

export function cachedSubgraph(cache: GraphCache, viewer: Viewer, ids: string[], linkTypes: readonly LinkType[]) {
  const sight = cache.visibleOwnerSets(viewer);
  const nodes = visibleIndexes(cache, sight, ids);
  return { nodes: nodes.map((v) => cache.node(v)), links: linksAmong(cache, nodes, linkFilter(cache, sight, linkTypes, null)) };
}

export interface CachedNeighborhoodOptions {
  hops: number;
  limit: number;
  labels: Set<Label>;
  linkTypes: readonly LinkType[];
  window: { from: string; to: string };
}

export function cachedNeighborhood(cache: GraphCache, viewer: Viewer, ids: string[], o: CachedNeighborhoodOptions): Neighborhood {
  const sight = cache.visibleOwnerSets(viewer);
  const seeds = visibleIndexes(cache, sight, ids);
  const filter = linkFilter(cache, sight, o.linkTypes, o.window);
  const reached = nearest(cache, reach(cache, seeds, o.hops, filter), visibleNodes(cache, sight), o.labels, o.limit);
  const nodes = [...seeds.map((v) => cache.node(v)), ...reached.kept];
  const links = linksAmong(cache, [...seeds, ...reached.keptIndexes], filter);
  return { nodes, links, truncated: reached.total > o.limit, beyond: reached.beyond };
}

/**
 * The persons among `ids` who are victims in a visible case through a visible VICTIM_IN link, in
 * the order asked, as victims.cypher: exact, whatever their number (no limit to cut).
 */
export function cachedVictims(cache: GraphCache, viewer: Viewer, ids: string[]): string[] {
  const sight = cache.visibleOwnerSets(viewer);
  const visible = visibleNodes(cache, sight);
  const filter = linkFilter(cache, sight, ['VICTIM_IN'], null);
  return visibleIndexes(cache, sight, ids)
    .filter((v) => {
      let victim = false;
      cache.forEachLink(v, (l) => {
        if (!victim && cache.linkFrom[l] === v && passes(cache, filter, l) && visible(cache.linkTo[l]!)) victim = true;
      });
      return victim;
    })
    .map((v) => cache.nodeId(v));
}

export function cachedPaths(cache: GraphCache, viewer: Viewer, from: string, to: string, o: { maxHops: number; k: number; linkTypes: readonly LinkType[] }): PathsResult {
  const a = cache.indexOf(from);
  const b = cache.indexOf(to);
  if (a === undefined || b === undefined) return { nodes: [], links: [], paths: [] };
  const sight = cache.visibleOwnerSets(viewer);
  const visible = visibleNodes(cache, sight);
  // As in cypher-store.ts: the shortest routes over visible links, less those through nodes the
  // viewer may not see; parallel links make one route.
  const routes = shortestRoutes(cache, a, b, o.maxHops, linkFilter(cache, sight, o.linkTypes, null), o.k * 4)
    .filter((r) => r.nodes.every(visible))
    .map((r) => ({ ...r, key: r.nodes.map((v) => cache.nodeId(v)).join('>') }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .slice(0, o.k);
  const nodes = new Map<string, GraphNode>();
  const links = new Map<string, ReturnType<GraphCache['link']>>();
  const paths = routes.map((route) => {
    for (const v of route.nodes) nodes.set(cache.nodeId(v), cache.node(v));
    const hops = route.hops.map((parallel) => parallel.map((l) => cache.link(l)));
    for (const l of hops.flat()) links.set(linkIdentity(l), l);
    return { nodes: route.nodes.map((v) => cache.nodeId(v)), links: hops.map((parallel, i) => hopLink(parallel, cache.nodeId(route.nodes[i]!))) };
  });
  return { nodes: [...nodes.values()], links: [...links.values()], paths };
}

/** One layer of a money trail: visible transfers out of these cards at or after `after`, as transfers-from.cypher. */
export function cachedTransfersOut(cache: GraphCache, viewer: Viewer, cardIds: string[], after: string): GraphLink[] {
  const sight = cache.visibleOwnerSets(viewer);
  const visible = visibleNodes(cache, sight);
  const filter = linkFilter(cache, sight, ['TRANSFERRED'], { from: after, to: '9999-12-31T23:59:59.999Z' });
  const out: GraphLink[] = [];
  for (const id of new Set(cardIds)) {
    const a = cache.indexOf(id);
    if (a === undefined || !visible(a)) continue;
    cache.forEachLink(a, (l) => {
      // A transfer with no time is never "after" anything, as in Cypher.
      if (cache.linkFrom[l] === a && !Number.isNaN(cache.linkAt[l]!) && passes(cache, filter, l) && visible(cache.linkTo[l]!)) out.push(cache.link(l));
    });
  }
  return out;
}

/** Visible transfers into or out of these cards at or after `after`, as transfers-from.cypher and transfers-into.cypher together. */
export function cachedTransfersAt(cache: GraphCache, viewer: Viewer, cardIds: string[], after: string): GraphLink[] {
  const sight = cache.visibleOwnerSets(viewer);
  const visible = visibleNodes(cache, sight);
  const filter = linkFilter(cache, sight, ['TRANSFERRED'], { from: after, to: '9999-12-31T23:59:59.999Z' });
  const seen = new Set<number>();
  const out: GraphLink[] = [];
  for (const id of new Set(cardIds)) {
    const a = cache.indexOf(id);
    if (a === undefined || !visible(a)) continue;
    cache.forEachLink(a, (l) => {
      if (seen.has(l) || Number.isNaN(cache.linkAt[l]!) || !passes(cache, filter, l)) return;
      const other = cache.linkFrom[l] === a ? cache.linkTo[l]! : cache.linkFrom[l]!;
      if (!visible(other)) return;
      seen.add(l);
      out.push(cache.link(l));
    });
  }
  return out;
}

/** Cases sharing an identifier (both INVOLVES it) or a suspect (both SUSPECT_IN) with a case, as linked-cases.cypher. */
export function cachedLinkedCases(cache: GraphCache, viewer: Viewer, caseId: string): LinkedCase[] {
  const c = cache.indexOf(caseId);
  const sight = cache.visibleOwnerSets(viewer);
  const visible = visibleNodes(cache, sight);
  if (c === undefined || !visible(c)) return [];
  const filter = linkFilter(cache, sight, ['INVOLVES', 'SUSPECT_IN'], null);
  const shared = new Map<string, Set<number>>();
  cache.forEachLink(c, (r1) => {
    if (!passes(cache, filter, r1)) return;
    const i = cache.linkFrom[r1] === c ? cache.linkTo[r1]! : cache.linkFrom[r1]!;
    if (!visible(i)) return;
    cache.forEachLink(i, (r2) => {
      if (r2 === r1 || cache.linkType[r2] !== cache.linkType[r1] || !passes(cache, filter, r2)) return;
      const other = cache.linkFrom[r2] === i ? cache.linkTo[r2]! : cache.linkFrom[r2]!;
      if (other === c || !visible(other) || cache.label(other) !== 'Case') return;
      const id = cache.nodeId(other);
      const set = shared.get(id) ?? new Set<number>();
      set.add(i);
      shared.set(id, set);
    });
  });
  return [...shared.keys()].sort().map((id) => ({
    caseId: id,
    shared: [...shared.get(id)!].map((i) => ({ id: cache.nodeId(i), label: cache.label(i) })).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
  }));
}

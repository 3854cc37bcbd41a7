import type { Label, LinkType } from '../../domain/model';
import type { GraphNode, Neighborhood, PathsResult, Viewer } from '../../domain/types';
import { linkIdentity } from '../batch-check';
import { hopLink } from '../path-links';
import type { GraphCache } from './graph-cache';
import { linkFilter, linksAmong, nearest, reach, shortestRoutes } from './traverse';

/** The port's reads that walk the graph, answered from a GraphCache (same results as cypher-store.ts). */

function visibleNodes(cache: GraphCache, viewer: Viewer): (v: number) => boolean {
  const visible = cache.visibleOwnerSets(viewer);
  return (v) => visible[cache.nodeOwners[v]!] === 1;
}

/** Indexes of the visible nodes among `ids`, in the order asked, once each. */
export function visibleIndexes(cache: GraphCache, viewer: Viewer, ids: string[]): number[] {
  const visible = visibleNodes(cache, viewer);
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
  const nodes = visibleIndexes(cache, viewer, ids);
  return { nodes: nodes.map((v) => cache.node(v)), links: linksAmong(cache, nodes, linkFilter(cache, viewer, linkTypes, null)) };
}

export interface CachedNeighborhoodOptions {
  hops: number;
  limit: number;
  labels: Set<Label>;
  linkTypes: readonly LinkType[];
  window: { from: string; to: string };
}

export function cachedNeighborhood(cache: GraphCache, viewer: Viewer, ids: string[], o: CachedNeighborhoodOptions): Neighborhood {
  const seeds = visibleIndexes(cache, viewer, ids);
  const filter = linkFilter(cache, viewer, o.linkTypes, o.window);
  const reached = nearest(cache, reach(cache, seeds, o.hops, filter), visibleNodes(cache, viewer), o.labels, o.limit);
  const nodes = [...seeds.map((v) => cache.node(v)), ...reached.kept];
  const links = linksAmong(cache, [...seeds, ...reached.keptIndexes], filter);
  return { nodes, links, truncated: reached.total > o.limit, beyond: reached.beyond };
}

export function cachedPaths(cache: GraphCache, viewer: Viewer, from: string, to: string, o: { maxHops: number; k: number; linkTypes: readonly LinkType[] }): PathsResult {
  const a = cache.indexOf(from);
  const b = cache.indexOf(to);
  if (a === undefined || b === undefined) return { nodes: [], links: [], paths: [] };
  const visible = visibleNodes(cache, viewer);
  // As in cypher-store.ts: the shortest routes over visible links, less those through nodes the
  // viewer may not see; parallel links make one route.
  const routes = shortestRoutes(cache, a, b, o.maxHops, linkFilter(cache, viewer, o.linkTypes, null), o.k * 4)
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

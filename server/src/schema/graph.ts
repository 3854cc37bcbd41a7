import type { GraphNode, Neighborhood as NeighborhoodResult, PathsResult, SearchHit as Hit, Subgraph as SubgraphResult } from '../domain/types';
import { API_LIMITS as L } from '../api/limits';
import { builder } from './builder';
import { Link, LinkTypeEnum, Node, NodeLabel, linkId } from './node';

/** Finding nodes and expanding around them: the investigator's first moves. */

const SearchHit = builder.objectRef<Hit>('SearchHit').implement({
  fields: (t) => ({
    node: t.field({ type: Node, resolve: (h) => h.node }),
    matchedBy: t.exposeString('matchedBy', { description: "Which form matched: phone, card-suffix, caseNo, name, handle or id." }),
  }),
});

const LabelCount = builder.objectRef<{ label: string; count: number }>('LabelCount').implement({
  fields: (t) => ({ label: t.field({ type: NodeLabel, resolve: (c) => c.label as never }), count: t.exposeInt('count') }),
});

const Neighborhood = builder.objectRef<Omit<NeighborhoodResult, 'beyond'> & { beyond: { label: string; count: number }[] }>('Neighborhood').implement({
  fields: (t) => ({
    nodes: t.field({ type: [Node], resolve: (n, _, ctx) => ctx.maskable(n.nodes) }),
    links: t.field({ type: [Link], resolve: (n) => n.links }),
    truncated: t.exposeBoolean('truncated', { description: 'True when nodes within reach were left out to stay within `limit`.' }),
    beyond: t.field({ type: [LabelCount], description: 'How many more nodes of each label lie within reach but were left out.', resolve: (n) => n.beyond }),
  }),
});

const Subgraph = builder.objectRef<SubgraphResult>('Subgraph').implement({
  description: 'Nodes and every visible link among them.',
  fields: (t) => ({
    nodes: t.field({ type: [Node], resolve: (g, _, ctx) => ctx.maskable(g.nodes) }),
    links: t.field({ type: [Link], resolve: (g) => g.links }),
  }),
});

const Path = builder.objectRef<PathsResult['paths'][number]>('Path').implement({
  fields: (t) => ({
    nodeIds: t.idList({ resolve: (p) => p.nodes }),
    linkIds: t.idList({ resolve: (p) => p.links.map(linkId) }),
  }),
});

const Paths = builder.objectRef<PathsResult>('Paths').implement({
  description: 'Shortest paths; `nodes` and `links` hold every element of every path once.',
  fields: (t) => ({
    nodes: t.field({ type: [Node], resolve: (p, _, ctx) => ctx.maskable(p.nodes) }),
    links: t.field({ type: [Link], resolve: (p) => p.links }),
    paths: t.field({ type: [Path], resolve: (p) => p.paths }),
  }),
});

builder.queryFields((t) => ({
  search: t.field({
    type: [SearchHit],
    description: `Finds nodes by phone (any spelling), card number or its last digits, case number, name, handle or id. \`text\` is cut to ${L.textLength.max} characters; \`limit\` is clamped to 1..${L.searchLimit.max} (default ${L.searchLimit.fallback}).`,
    args: { text: t.arg.string({ required: true }), labels: t.arg({ type: [NodeLabel] }), limit: t.arg.int() },
    resolve: (_, a, ctx) => ctx.services.search(ctx.viewer, a),
  }),
  node: t.field({
    type: Node,
    nullable: true,
    description: 'One node by its global id; null when unknown or not visible.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_, a, ctx) => ctx.loaders.node.load(String(a.id)),
  }),
  nodes: t.field({
    type: [Node],
    description: `The visible nodes among \`ids\` (at most ${L.nodeIds.max}), in the order asked.`,
    args: { ids: t.arg.idList({ required: true }) },
    resolve: async (_, a, ctx) => ctx.maskable((await ctx.services.nodes(ctx.viewer, a.ids.map(String))) as GraphNode[]),
  }),
  subgraph: t.field({
    type: Subgraph,
    description: `The visible nodes among \`ids\` (at most ${L.nodeIds.max}) and every visible link among them: what a set of nodes opened together looks like.`,
    args: { ids: t.arg.idList({ required: true }) },
    resolve: (_, a, ctx) => ctx.services.subgraph(ctx.viewer, a.ids.map(String)),
  }),
  neighborhood: t.field({
    type: Neighborhood,
    description: `Everything within \`hops\` (clamped to 1..${L.hops.max}, default ${L.hops.fallback}) of the seeds (at most ${L.nodeIds.max}), nearest first, at most \`limit\` nodes (clamped to 1..${L.limit.max}, default ${L.limit.fallback}); what the limit cut is reported.`,
    args: {
      ids: t.arg.idList({ required: true }),
      hops: t.arg.int(),
      labels: t.arg({ type: [NodeLabel], description: 'Only through nodes of these labels.' }),
      linkTypes: t.arg({ type: [LinkTypeEnum], description: 'Only along links of these types.' }),
      limit: t.arg.int(),
      from: t.arg({ type: 'DateTime', description: 'Only links placed in time at or after this instant (links without a time always pass).' }),
      to: t.arg({ type: 'DateTime', description: 'Only links placed in time at or before this instant.' }),
    },
    resolve: (_, a, ctx) => ctx.services.neighborhood(ctx.viewer, { ...a, ids: a.ids.map(String) }),
  }),
  paths: t.field({
    type: Paths,
    description: `Up to \`k\` (clamped to 1..${L.paths.max}, default ${L.paths.fallback}) shortest paths of at most \`maxHops\` links (clamped to 1..${L.pathHops.max}, default ${L.pathHops.fallback}).`,
    args: { from: t.arg.id({ required: true }), to: t.arg.id({ required: true }), maxHops: t.arg.int(), k: t.arg.int(), linkTypes: t.arg({ type: [LinkTypeEnum] }) },
    resolve: (_, a, ctx) => ctx.services.paths(ctx.viewer, { ...a, from: String(a.from), to: String(a.to) }),
  }),
}));

import type { GraphLink, GraphNode, LinkedCase } from '../domain/types';
import { builder } from './builder';
import { Link, Node, labelTypes } from './node';

/** Case linkage (串并案): which cases share an identifier or a suspect, and returns of money. */

const CaseLink = builder.objectRef<LinkedCase>('CaseLink').implement({
  fields: (t) => ({
    caseId: t.exposeID('caseId'),
    case: t.field({ type: labelTypes.Case, nullable: true, resolve: (l, _, ctx) => ctx.loaders.node.load(l.caseId) }),
    shared: t.field({
      type: [Node],
      description: 'The identifiers or suspects both cases involve.',
      resolve: (l, _, ctx) => ctx.loaders.node.loadMany(l.shared.map((s) => s.id)).then((ns) => ns.filter((n): n is GraphNode => !!n && !(n instanceof Error))),
    }),
  }),
});

const LinkedCases = builder.objectRef<{ case: GraphNode; linked: LinkedCase[]; nodes: GraphNode[]; links: GraphLink[] }>('LinkedCases').implement({
  description: 'The case, the cases linked to it, and the subgraph among them and what they share.',
  fields: (t) => ({
    case: t.field({ type: labelTypes.Case, resolve: (l) => l.case }),
    linked: t.field({ type: [CaseLink], resolve: (l) => l.linked }),
    nodes: t.field({ type: [Node], resolve: (l) => l.nodes }),
    links: t.field({ type: [Link], resolve: (l) => l.links }),
  }),
});

builder.queryField('linkedCases', (t) =>
  t.field({
    type: LinkedCases,
    description: 'Cases that share an identifier (card, phone, account, device) or a suspect with this one. NOT_FOUND when the case is not visible.',
    args: { caseId: t.arg.id({ required: true }) },
    resolve: (_, a, ctx) => ctx.services.linkedCases(ctx.viewer, String(a.caseId)),
  }),
);

builder.mutationField('recordReturn', (t) =>
  t.field({
    type: labelTypes.Case,
    description: "Adds money returned to the victims to a case's `returned`, recorded as the viewer.",
    args: { caseId: t.arg.id({ required: true }), amount: t.arg({ type: 'Money', required: true }) },
    resolve: (_, a, ctx) => ctx.services.recordReturn(ctx.viewer, { ...a, caseId: String(a.caseId) }),
  }),
);

import type { GangMember as Member, GangView, Subgraph } from '../domain/types';
import { builder } from './builder';
import { Link, Node, labelTypes } from './node';

/** A gang (犯罪团伙) with its layers and chain of command. */

const GangMember = builder.objectRef<Member>('GangMember').implement({
  fields: (t) => ({
    person: t.field({ type: labelTypes.Person, resolve: (m) => m.person }),
    layer: t.exposeString('layer', { nullable: true, description: 'MANAGEMENT, TECH, LOGISTICS, CALLER or MONEY.' }),
    since: t.field({ type: 'DateTime', nullable: true, resolve: (m) => m.since }),
  }),
});

const ReportsTo = builder.objectRef<{ from: string; to: string }>('ReportsTo').implement({
  fields: (t) => ({ from: t.exposeID('from'), to: t.exposeID('to') }),
});

const Gang = builder.objectRef<GangView & Subgraph>('GangView').implement({
  description: 'The gang, its members, who reports to whom, and the subgraph among them.',
  fields: (t) => ({
    gang: t.field({ type: labelTypes.Gang, resolve: (g) => g.gang }),
    members: t.field({ type: [GangMember], resolve: (g) => g.members }),
    reportsTo: t.field({ type: [ReportsTo], resolve: (g) => g.reportsTo }),
    nodes: t.field({ type: [Node], resolve: (g) => g.nodes }),
    links: t.field({ type: [Link], resolve: (g) => g.links }),
  }),
});

builder.queryField('gang', (t) =>
  t.field({
    type: Gang,
    description: 'NOT_FOUND when the gang is not visible.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_, a, ctx) => ctx.services.gang(ctx.viewer, String(a.id)),
  }),
);

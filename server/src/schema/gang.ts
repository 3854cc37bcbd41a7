import type { MemberRole } from '../api/analysis';
import type { RoleEvidence as Evidence } from '../domain/gang-roles';
import type { GangView, Subgraph } from '../domain/types';
import { API_LIMITS as L } from '../api/limits';
import { builder } from './builder';
import { Link, Node, labelTypes } from './node';

/** A gang (犯罪团伙) with its layers — recorded, or inferred with evidence — and chain of command. */

const RoleEvidence = builder.objectRef<Evidence>('RoleEvidence').implement({
  description: 'One reason for a layer, and the records it rests on.',
  fields: (t) => ({
    rule: t.exposeString('rule', {
      description:
        'RECORDED (MEMBER_OF), HOLDS_VICTIM_CARD, HOLDS_CARD, REACHES_VICTIMS, MANY_PHONES, SUPPLIER, GATEWAY_DEVICES, DATA_SELLER, LEADS_LEADERS, TOP_OF_CHAIN, IN_TEAM, LEADS_TEAM, TELEGRAM or UNDER_MANAGEMENT.',
    }),
    layer: t.exposeString('layer', { description: 'The layer it points to.' }),
    ids: t.exposeIDList('ids', { description: 'Cards, phones, cases or people it rests on.' }),
  }),
});

const GangMember = builder.objectRef<MemberRole>('GangMember').implement({
  description: 'A person and their gang layer.',
  fields: (t) => ({
    person: t.field({ type: labelTypes.Person, resolve: (m) => m.person }),
    layer: t.exposeString('layer', { nullable: true, description: 'MANAGEMENT, TECH, LOGISTICS, CALLER or MONEY: as recorded on MEMBER_OF, else inferred; null when nothing points anywhere.' }),
    recorded: t.exposeBoolean('recorded', { description: 'True when MEMBER_OF records the layer.' }),
    confidence: t.exposeFloat('confidence', { description: '1 when recorded, else 0..1, the strength of the strongest evidence.' }),
    evidence: t.field({ type: [RoleEvidence], description: 'Strongest first, including evidence for other layers.', resolve: (m) => m.evidence }),
    since: t.field({ type: 'DateTime', nullable: true, resolve: (m) => m.since }),
  }),
});

const ReportsTo = builder.objectRef<{ from: string; to: string }>('ReportsTo').implement({
  fields: (t) => ({ from: t.exposeID('from'), to: t.exposeID('to') }),
});

const Gang = builder.objectRef<GangView & Subgraph & { roles: MemberRole[] }>('GangView').implement({
  description: 'The gang, its members and their layers, who reports to whom, and the subgraph among them.',
  fields: (t) => ({
    gang: t.field({ type: labelTypes.Gang, resolve: (g) => g.gang }),
    members: t.field({ type: [GangMember], resolve: (g) => g.roles }),
    reportsTo: t.field({ type: [ReportsTo], resolve: (g) => g.reportsTo }),
    nodes: t.field({ type: [Node], resolve: (g, _, ctx) => ctx.maskable(g.nodes) }),
    links: t.field({ type: [Link], resolve: (g) => g.links }),
  }),
});

builder.queryField('gang', (t) =>
  t.field({
    type: Gang,
    description: 'NOT_FOUND when the gang is not visible.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_, a, ctx) => ctx.services.analysis.gang(ctx.viewer, String(a.id)),
  }),
);

builder.queryField('roles', (t) =>
  t.field({
    type: [GangMember],
    description: `The layer of each of these people (at most ${L.nodeIds.max}; suspects of a case, say): recorded on a MEMBER_OF link, else inferred from their records.`,
    args: { personIds: t.arg.idList({ required: true }) },
    resolve: (_, a, ctx) => ctx.services.analysis.roles(ctx.viewer, a.personIds.map(String)),
  }),
);

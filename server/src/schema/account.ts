import { AGENCY_LEVELS, ROLES, type AgencyProfile, type AuditRecord } from '../store/accounts';
import { builder } from './builder';
import { modelEnum } from './node';

/** The signed-in user's account, agencies, and the audit trail. */

const RoleEnum = builder.enumType('Role', { values: ROLES, description: 'What a user may do; ANALYST reads only.' });
const AgencyLevelEnum = modelEnum(AGENCY_LEVELS);

export const Agency = builder.objectRef<AgencyProfile>('AgencyProfile').implement({
  description: 'A police agency: a city or provincial bureau, or a ministry department.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    province: t.exposeString('province'),
    level: t.field({ type: AgencyLevelEnum, resolve: (a) => a.level }),
  }),
});

interface MeShape {
  id: string;
  name: string;
  role: (typeof ROLES)[number];
  mustChangePassword: boolean;
  agency: AgencyProfile;
  agencies: AgencyProfile[];
  oversees: AgencyProfile[];
}

const Me = builder.objectRef<MeShape>('Me').implement({
  description: 'The signed-in user.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name', { description: 'The login name.' }),
    role: t.field({ type: RoleEnum, resolve: (m) => m.role }),
    mustChangePassword: t.exposeBoolean('mustChangePassword', { description: 'True while the user still has a one-time password.' }),
    agency: t.field({ type: Agency, description: 'The agency the user belongs to.', resolve: (m) => m.agency }),
    agencies: t.field({ type: [Agency], description: "The agencies whose records the user sees as their own.", resolve: (m) => m.agencies }),
    oversees: t.field({ type: [Agency], description: "The agencies the user's agency supervises (a provincial bureau's city and district bureaus): their records are visible to the user, not owned.", resolve: (m) => m.oversees }),
  }),
});

const Audit = builder.objectRef<AuditRecord>('AuditRecord').implement({
  description: 'One entry of the append-only, hash-chained audit trail.',
  fields: (t) => ({
    seq: t.exposeInt('seq', { description: 'Its position in the chain, from 1.' }),
    at: t.field({ type: 'DateTime', resolve: (r) => r.at }),
    userId: t.exposeString('userId'),
    agency: t.exposeString('agency'),
    action: t.exposeString('action'),
    objectIds: t.exposeStringList('objectIds'),
    outcome: t.exposeString('outcome', { description: '`ok`, or the code that stopped it.' }),
    requestId: t.exposeString('requestId'),
    detail: t.exposeString('detail', { description: 'A stated reason, where the action takes one.' }),
    hash: t.exposeString('hash'),
  }),
});

builder.queryFields((t) => ({
  me: t.field({ type: Me, description: 'The signed-in user, their role and agency.', resolve: (_, __, ctx) => ctx.services.accounts.me(ctx.viewer) }),
  agencies: t.field({ type: [Agency], description: 'The agencies that have a profile.', resolve: (_, __, ctx) => ctx.services.accounts.agencies() }),
  auditTrail: t.field({
    type: [Audit],
    description: 'The audit trail, newest first, filtered: administrators read all of it, task-force leads their own agency’s (FORBIDDEN for others).',
    args: {
      userId: t.arg.string(),
      agency: t.arg.string(),
      action: t.arg.string(),
      from: t.arg({ type: 'DateTime' }),
      to: t.arg({ type: 'DateTime' }),
      beforeSeq: t.arg.int({ description: 'Only records before this position, to page back.' }),
      limit: t.arg.int({ description: 'At most this many (1..500, default 100).' }),
    },
    resolve: (_, a, ctx) => ctx.services.accounts.auditTrail(ctx.viewer, a),
  }),
}));

builder.mutationFields((t) => ({
  changePassword: t.field({
    type: 'Boolean',
    description: 'Replaces the signed-in user’s password (at least 10 characters); FORBIDDEN when `current` is wrong.',
    args: { current: t.arg.string({ required: true }), next: t.arg.string({ required: true }) },
    resolve: (_, a, ctx) => ctx.services.accounts.changePassword(ctx.viewer, a),
  }),
}));

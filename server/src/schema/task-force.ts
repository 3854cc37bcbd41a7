import { SHARE_LIMITS } from '../api/share-records';
import { TASK_FORCE_LIMITS, type Share as StoredShare, type TaskForce as StoredTaskForce, type TaskForceMember as StoredMember } from '../store/task-forces';
import { builder } from './builder';
import { LinkTypeEnum } from './node';

/** Task forces (专案组) and the shares of cases into them. */

const MemberKindEnum = builder.enumType('TaskForceMemberKind', { values: ['AGENCY', 'USER'] as const, description: 'A member agency (all its users) or one user.' });

const Member = builder.objectRef<StoredMember>('TaskForceMember').implement({
  description: 'A member of a task force: an agency (every user of it) or one user.',
  fields: (t) => ({
    kind: t.field({ type: MemberKindEnum, resolve: (m) => (m.kind === 'agency' ? 'AGENCY' : 'USER') }),
    id: t.exposeString('member', { description: 'The agency id or the user id.' }),
    addedAt: t.field({ type: 'DateTime', resolve: (m) => m.addedAt }),
    addedBy: t.exposeString('addedBy'),
  }),
});

const Share = builder.objectRef<StoredShare>('Share').implement({
  description: 'A case and the subgraph around it, shared into a task force or with every agency; only records the sharing agency owns.',
  fields: (t) => ({
    id: t.exposeID('id', { description: '`share:` and a random UUID.' }),
    taskForceId: t.id({ nullable: true, description: 'The task force it was shared into; null for national sharing.', resolve: (s) => s.taskForceId || null }),
    national: t.boolean({ description: 'Shared with every agency.', resolve: (s) => s.taskForceId === '' }),
    caseId: t.exposeID('caseId'),
    hops: t.int({ description: 'How many links around the case it reaches (0: the case alone).', resolve: (s) => s.selection.hops }),
    linkTypes: t.field({ type: [LinkTypeEnum], description: 'The link types followed; empty for all.', resolve: (s) => s.selection.linkTypes }),
    agency: t.exposeString('agency', { description: 'The sharing agency, which owns every record shared.' }),
    sharedBy: t.exposeString('sharedBy'),
    sharedAt: t.field({ type: 'DateTime', resolve: (s) => s.sharedAt }),
    nodeCount: t.int({ description: 'How many nodes it shares.', resolve: (s) => s.records.nodes.length }),
    linkCount: t.int({ description: 'How many links it shares.', resolve: (s) => s.records.links.length }),
    revokedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was revoked; null while active.', resolve: (s) => s.revokedAt || null }),
    revokedBy: t.string({ nullable: true, resolve: (s) => s.revokedBy || null }),
  }),
});

const TaskForce = builder.objectRef<StoredTaskForce>('TaskForce').implement({
  description: 'A task force (专案组): agencies and users working a series of cases together, and the cases shared into it.',
  fields: (t) => ({
    id: t.exposeID('id', { description: '`tf:` and a random UUID.' }),
    name: t.exposeString('name'),
    purpose: t.exposeString('purpose'),
    lead: t.exposeString('lead', { description: 'The user who created it and manages its members.' }),
    agency: t.exposeString('agency', { description: 'The lead’s agency.' }),
    createdAt: t.field({ type: 'DateTime', resolve: (tf) => tf.createdAt }),
    members: t.field({ type: [Member], resolve: (tf, _, ctx) => ctx.services.taskForces.members(tf) }),
    shares: t.field({ type: [Share], description: 'Active shares into it, newest first (revoked ones too, for the agency that made them).', resolve: (tf, _, ctx) => ctx.services.taskForces.shares(ctx.viewer, tf) }),
  }),
});

builder.queryFields((t) => ({
  taskForces: t.field({
    type: [TaskForce],
    description: 'The task forces the viewer belongs to or leads (admins: all), newest first.',
    resolve: (_, __, ctx) => ctx.services.taskForces.list(ctx.viewer),
  }),
  taskForce: t.field({
    type: TaskForce,
    nullable: true,
    description: 'One task force; null when unknown or not the viewer’s (a member’s, its lead’s or an admin’s).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_, a, ctx) => ctx.services.taskForces.get(ctx.viewer, String(a.id)),
  }),
  nationalShares: t.field({ type: [Share], description: 'The active shares with every agency, newest first.', resolve: (_, __, ctx) => ctx.services.taskForces.nationalShares(ctx.viewer) }),
}));

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
const shareArgs = (t: PothosSchemaTypes.MutationFieldBuilder<Types, object>) => ({
  caseId: t.arg.id({ required: true }),
  hops: t.arg.int({ description: `0 (the case alone) to ${SHARE_LIMITS.hops}; default 1.` }),
  linkTypes: t.arg({ type: [LinkTypeEnum], description: 'The link types to follow; all when absent.' }),
});

builder.mutationFields((t) => ({
  createTaskForce: t.field({
    type: TaskForce,
    description: `Creates a task force led by the viewer, who becomes its first member (TASK_FORCE_LEAD or ADMIN). name: 1 to ${TASK_FORCE_LIMITS.nameLength} characters; purpose: at most ${TASK_FORCE_LIMITS.purposeLength}.`,
    args: { name: t.arg.string({ required: true }), purpose: t.arg.string() },
    resolve: (_, a, ctx) => ctx.services.taskForces.create(ctx.viewer, a),
  }),
  addTaskForceMember: t.field({
    type: TaskForce,
    description: 'Invites an agency (every user of it) or one user (userId) into a task force; its lead or an admin only. NOT_FOUND for a task force the viewer may not see.',
    args: { taskForceId: t.arg.id({ required: true }), agency: t.arg.string(), userId: t.arg.string() },
    resolve: (_, a, ctx) => ctx.services.taskForces.addMember(ctx.viewer, { ...a, taskForceId: String(a.taskForceId) }),
  }),
  removeTaskForceMember: t.field({
    type: TaskForce,
    description: 'Removes a member agency or user; from the next request its users no longer see what was shared into the task force.',
    args: { taskForceId: t.arg.id({ required: true }), agency: t.arg.string(), userId: t.arg.string() },
    resolve: (_, a, ctx) => ctx.services.taskForces.removeMember(ctx.viewer, { ...a, taskForceId: String(a.taskForceId) }),
  }),
  shareCase: t.field({
    type: Share,
    description: 'Shares a case the viewer’s agency owns, with what lies within `hops` of it that the agency owns, into a task force the viewer belongs to. FORBIDDEN for a case only shared with the viewer (shares never widen); NOT_FOUND for one the viewer cannot see.',
    args: { taskForceId: t.arg.id({ required: true }), ...shareArgs(t) },
    resolve: (_, a, ctx) => ctx.services.taskForces.shareCase(ctx.viewer, { ...a, taskForceId: String(a.taskForceId), caseId: String(a.caseId) }),
  }),
  shareNationally: t.field({
    type: Share,
    description: 'Marks a case the viewer’s agency owns, and what lies within `hops` of it that the agency owns, for national sharing: every agency sees it (TASK_FORCE_LEAD or ADMIN).',
    args: shareArgs(t),
    resolve: (_, a, ctx) => ctx.services.taskForces.shareNationally(ctx.viewer, { ...a, caseId: String(a.caseId) }),
  }),
  revokeShare: t.field({
    type: Share,
    description: 'Revokes a share (the sharing agency, the task force’s lead or an admin): from the next request its records are seen only through other shares that still name them.',
    args: { shareId: t.arg.id({ required: true }) },
    resolve: (_, a, ctx) => ctx.services.taskForces.revokeShare(ctx.viewer, String(a.shareId)),
  }),
}));

import { randomUUID } from 'node:crypto';
import type { LinkType } from '../domain/model';
import type { GraphStore } from '../store/graph-store';
import { TASK_FORCE_LIMITS as LIMITS, type MemberKind, type Share, type TaskForce } from '../store/task-forces';
import { assertAgencyId, NATIONAL, taskForcePrincipal } from '../store/visibility';
import { apiError } from './errors';
import { ownedSubgraph, SHARE_LIMITS } from './share-records';
import type { ApiViewer } from './viewer';

export interface ShareArgs {
  caseId: string;
  hops?: number | null;
  linkTypes?: readonly LinkType[] | null;
}

export interface MemberArgs {
  taskForceId: string;
  agency?: string | null;
  userId?: string | null;
}

const badField = (field: string, problem: string) => apiError('BAD_INPUT', `${field}: ${problem}`, { field });
const notFound = (what: string) => apiError('NOT_FOUND', `No ${what} with this id.`);
const MEMBER_ID = /^[A-Za-z0-9_.:@-]{1,128}$/;

/** The agency a viewer acts for: its own (sessions name one), else the first it belongs to. */
const agencyOf = (viewer: ApiViewer) => viewer.agency ?? viewer.agencies[0] ?? '';

function text(field: string, value: string | null | undefined, max: number, required: boolean): string {
  const v = (value ?? '').trim();
  if (required && v.length === 0) throw badField(field, 'required.');
  if (v.length > max) throw badField(field, `at most ${max} characters (got ${v.length}).`);
  return v;
}

function memberOf(a: MemberArgs): { kind: MemberKind; member: string } {
  const agency = a.agency?.trim() || null;
  const user = a.userId?.trim() || null;
  if ((agency === null) === (user === null)) throw badField('agency', 'name either an agency or a user (userId), not both.');
  if (agency !== null) {
    try {
      assertAgencyId(agency);
    } catch {
      throw badField('agency', 'not an agency id.');
    }
    return { kind: 'agency', member: agency };
  }
  if (!MEMBER_ID.test(user!)) throw badField('userId', 'not a user id.');
  return { kind: 'user', member: user! };
}

/**
 * Task forces (专案组) and shares. Who may see a task force: its members (users, and users of
 * member agencies), its lead, and admins; to anyone else one is answered exactly as one that
 * does not exist. A share names only records the sharer's agency owns, so it never widens.
 */
export function createTaskForceServices(store: GraphStore) {
  const tfs = store.taskForces;

  /** The task forces the viewer belongs to (ids). */
  const memberships = (viewer: ApiViewer) => (viewer.agencies.length === 0 ? Promise.resolve([]) : tfs.memberships(viewer.userId, viewer.agencies));

  /** A task force the viewer may see, with whether it may manage it; NOT_FOUND otherwise. */
  async function visibleTaskForce(viewer: ApiViewer, id: string): Promise<{ tf: TaskForce; leads: boolean }> {
    const tf = await tfs.getTaskForce(id);
    const leads = !!tf && (tf.lead === viewer.userId || viewer.role === 'ADMIN');
    if (!tf || !(leads || (await memberships(viewer)).includes(tf.id))) throw notFound('task force');
    return { tf, leads };
  }

  /** A share the viewer may see: into a task force it may see, national, or made by its agency. */
  async function visibleShare(viewer: ApiViewer, id: string): Promise<{ share: Share; tf: TaskForce | null; leads: boolean }> {
    const share = await tfs.getShare(id);
    if (!share) throw notFound('share');
    if (viewer.agencies.includes(share.agency)) return { share, tf: null, leads: viewer.role === 'ADMIN' };
    // A revoked share's case is no longer the others' to know of.
    if (share.revokedAt !== '' || viewer.agencies.length === 0) throw notFound('share');
    if (share.principal === NATIONAL) return { share, tf: null, leads: viewer.role === 'ADMIN' };
    if (!share.taskForceId) throw notFound('share');
    const { tf, leads } = await visibleTaskForce(viewer, share.taskForceId).catch(() => {
      throw notFound('share');
    });
    return { share, tf, leads };
  }

  async function share(viewer: ApiViewer, principal: string, taskForceId: string, a: ShareArgs): Promise<Share> {
    const hops = a.hops ?? 1;
    if (!Number.isInteger(hops) || hops < 0 || hops > SHARE_LIMITS.hops) throw badField('hops', `0 to ${SHARE_LIMITS.hops}.`);
    const linkTypes = [...new Set(a.linkTypes ?? [])];
    const [visible] = await store.getNodes(viewer, [a.caseId]);
    if (!visible || visible.label !== 'Case') throw notFound('Case');
    const agency = [agencyOf(viewer), ...viewer.agencies].find((x) => visible.owners.includes(x));
    if (!agency) throw apiError('FORBIDDEN', 'Only cases your agency owns may be shared; this one was shared with you.');
    const records = await ownedSubgraph(store, agency, visible.id, { hops, linkTypes });
    if (!records) throw notFound('Case');
    return tfs.createShare({
      id: `share:${randomUUID()}`,
      taskForceId,
      principal,
      caseId: visible.id,
      selection: { hops, linkTypes },
      agency,
      sharedBy: viewer.userId,
      sharedAt: new Date().toISOString(),
      records,
      revokedAt: '',
      revokedBy: '',
    });
  }

  return {
    /** The viewer as reads see it: with the principals of the task forces it belongs to (looked up per request). */
    withGrants: async <V extends ApiViewer>(viewer: V): Promise<V> => ({ ...viewer, grants: (await memberships(viewer)).map(taskForcePrincipal) }),

    list: async (viewer: ApiViewer): Promise<TaskForce[]> => {
      const mine = new Set(await memberships(viewer));
      return (await tfs.listTaskForces()).filter((tf) => viewer.role === 'ADMIN' || tf.lead === viewer.userId || mine.has(tf.id));
    },

    get: (viewer: ApiViewer, id: string) => visibleTaskForce(viewer, id).then(({ tf }) => tf, () => null),

    create: async (viewer: ApiViewer, a: { name: string; purpose?: string | null }): Promise<TaskForce> => {
      if (viewer.role !== 'TASK_FORCE_LEAD' && viewer.role !== 'ADMIN') throw apiError('FORBIDDEN', 'Only a task force lead or an admin may create a task force.');
      const agency = agencyOf(viewer);
      if (!agency) throw apiError('FORBIDDEN', 'Creating a task force needs a user of an agency.');
      const tf = await tfs.createTaskForce({
        id: `tf:${randomUUID()}`,
        name: text('name', a.name, LIMITS.nameLength, true),
        purpose: text('purpose', a.purpose, LIMITS.purposeLength, false),
        lead: viewer.userId,
        agency,
        createdAt: new Date().toISOString(),
      });
      await tfs.addMember({ taskForceId: tf.id, kind: 'user', member: viewer.userId, addedAt: tf.createdAt, addedBy: viewer.userId });
      return tf;
    },

    members: (tf: TaskForce) => tfs.members(tf.id),

    /** Active shares into the task force; revoked ones too for the agency that made them. */
    shares: async (viewer: ApiViewer, tf: TaskForce) => (await tfs.listShares({ taskForceId: tf.id })).filter((s) => s.revokedAt === '' || viewer.agencies.includes(s.agency)),

    addMember: async (viewer: ApiViewer, a: MemberArgs): Promise<TaskForce> => {
      const { tf, leads } = await visibleTaskForce(viewer, a.taskForceId);
      if (!leads) throw apiError('FORBIDDEN', 'Only the task force’s lead or an admin may change its members.');
      const m = memberOf(a);
      await tfs.addMember({ taskForceId: tf.id, ...m, addedAt: new Date().toISOString(), addedBy: viewer.userId });
      return tf;
    },

    removeMember: async (viewer: ApiViewer, a: MemberArgs): Promise<TaskForce> => {
      const { tf, leads } = await visibleTaskForce(viewer, a.taskForceId);
      if (!leads) throw apiError('FORBIDDEN', 'Only the task force’s lead or an admin may change its members.');
      const m = memberOf(a);
      if (!(await tfs.removeMember(tf.id, m.kind, m.member))) throw apiError('NOT_FOUND', `${m.member} is not a member of this task force.`);
      return tf;
    },

    shareCase: async (viewer: ApiViewer, a: ShareArgs & { taskForceId: string }): Promise<Share> => {
      const { tf } = await visibleTaskForce(viewer, a.taskForceId);
      if (!(await memberships(viewer)).includes(tf.id)) throw apiError('FORBIDDEN', 'Only members share into a task force.');
      return share(viewer, taskForcePrincipal(tf.id), tf.id, a);
    },

    shareNationally: (viewer: ApiViewer, a: ShareArgs): Promise<Share> => {
      if (viewer.role !== 'TASK_FORCE_LEAD' && viewer.role !== 'ADMIN') throw apiError('FORBIDDEN', 'Only a task force lead or an admin may share with every agency.');
      return share(viewer, NATIONAL, '', a);
    },

    /** Active national shares (their cases every agency sees). */
    nationalShares: async (viewer: ApiViewer) => (viewer.agencies.length === 0 ? [] : (await tfs.listShares({ principal: NATIONAL })).filter((s) => s.revokedAt === '')),

    revokeShare: async (viewer: ApiViewer, id: string): Promise<Share> => {
      const { share, tf, leads } = await visibleShare(viewer, id);
      const mayRevoke = viewer.agencies.includes(share.agency) || leads || (tf !== null && tf.lead === viewer.userId);
      if (!mayRevoke) throw apiError('FORBIDDEN', 'Only the sharing agency, the task force’s lead or an admin may revoke a share.');
      const revoked = await tfs.revokeShare(share.id, viewer.userId, new Date().toISOString());
      if (!revoked) throw apiError('CONFLICT', 'This share was revoked already.');
      return revoked;
    },
  };
}

export type TaskForceServices = ReturnType<typeof createTaskForceServices>;

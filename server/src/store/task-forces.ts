import type { LinkType, PropDef } from '../domain/model';

/**
 * Task forces (专案组) and shares: application records beside the graph, behind the same port.
 * A lead creates a task force and invites agencies and users; a member shares a case and the
 * subgraph around it into it. What a share names is granted to the task force's principal in
 * the records' owners strings (visibility.ts), so every read of either engine filters it with
 * no change; the share records here are what a revoke recomputes those grants from.
 */

export interface TaskForce {
  /** `tf:` and a random UUID. */
  id: string;
  name: string;
  purpose: string;
  /** The user who created it and leads it. */
  lead: string;
  /** The lead's agency when it was created. */
  agency: string;
  createdAt: string;
}

export type MemberKind = 'agency' | 'user';

export interface TaskForceMember {
  taskForceId: string;
  kind: MemberKind;
  /** An agency id or a user id (the session's `sub`). */
  member: string;
  addedAt: string;
  addedBy: string;
}

/** A link as a share names it: its identity (batch-check.ts's linkIdentity). */
export interface LinkRef {
  type: LinkType;
  from: string;
  to: string;
  key: string;
}

/** Records granted together: nodes by id, links by identity. */
export interface RecordSet {
  nodes: string[];
  links: LinkRef[];
}

export interface ShareSelection {
  /** 0: the case alone; 1 or 2: what lies within that many links of it. */
  hops: number;
  /** The link types followed (every type when empty). */
  linkTypes: LinkType[];
}

export interface Share {
  /** `share:` and a random UUID. */
  id: string;
  /** The task force it was shared into; '' for national sharing or a grant to an agency. */
  taskForceId: string;
  /** Who sees the records through it (visibility.ts): `~tf:…`, `~national`, `~ag.…`. */
  principal: string;
  /** The case it was made around ('' for a grant of loose records). */
  caseId: string;
  selection: ShareSelection;
  /** The sharing agency: every record named is one it owns. */
  agency: string;
  sharedBy: string;
  sharedAt: string;
  records: RecordSet;
  /** '' while active. */
  revokedAt: string;
  revokedBy: string;
}

export const TASK_FORCE_LIMITS = { nameLength: 200, purposeLength: 2000 } as const;

/**
 * The stored properties, one place for the Kuzu tables and the Cypher lint schema. Lists and
 * the selection are JSON text, so both engines store them alike.
 */
const s: PropDef = { type: 'string' };
const t: PropDef = { type: 'time' };
export const TASK_FORCE_TABLES = {
  TaskForce: { id: s, name: s, purpose: s, lead: s, agency: s, createdAt: t },
  TaskForceMember: { id: s, taskForceId: s, kind: s, member: s, addedAt: t, addedBy: s },
  Share: {
    id: s, taskForceId: s, principal: s, caseId: s, selection: s, agency: s, sharedBy: s, sharedAt: t,
    nodeIds: s, linkIds: s, revokedAt: s, revokedBy: s,
  },
} as const satisfies Record<string, Record<string, PropDef>>;

export const memberId = (taskForceId: string, kind: MemberKind, member: string) => `${taskForceId}|${kind}|${member}`;

export interface TaskForceStore {
  createTaskForce(tf: TaskForce): Promise<TaskForce>;
  getTaskForce(id: string): Promise<TaskForce | null>;
  listTaskForces(): Promise<TaskForce[]>;
  /** Adds a member; false when it was one already. */
  addMember(member: TaskForceMember): Promise<boolean>;
  /** Removes a member; false when it was none. */
  removeMember(taskForceId: string, kind: MemberKind, member: string): Promise<boolean>;
  members(taskForceId: string): Promise<TaskForceMember[]>;
  /** Ids of the task forces a user belongs to, as a user or through one of its agencies. */
  memberships(userId: string, agencies: readonly string[]): Promise<string[]>;
  /** Records a share and grants its records to its principal, in that order. */
  createShare(share: Share): Promise<Share>;
  getShare(id: string): Promise<Share | null>;
  /** The shares into a task force (or of a principal), newest first, revoked ones included. */
  listShares(filter: { taskForceId?: string; principal?: string }): Promise<Share[]>;
  /**
   * Marks a share revoked and withdraws its principal's grant from every record no other
   * active share of that principal names. Null when unknown or revoked already.
   */
  revokeShare(id: string, by: string, at: string): Promise<Share | null>;
}

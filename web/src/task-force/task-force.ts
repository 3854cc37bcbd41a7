import type { Role } from '../viewer/viewer';

/** Who creates a task force, or shares a case with every agency (the server decides again). */
export const mayCreateTaskForce = (role: Role) => role === 'TASK_FORCE_LEAD' || role === 'ADMIN';

/** Whether the viewer manages a task force's members: its lead, or an admin. */
export const managesTaskForce = (viewer: { user: string; role: Role }, tf: { lead: string }) => tf.lead === viewer.user || viewer.role === 'ADMIN';

/** A user member as the server names it (`user:` and the login name), from what a lead types. */
export const userMemberId = (typed: string) => {
  const name = typed.trim().toLowerCase();
  return name.startsWith('user:') ? name : `user:${name}`;
};

/** The agencies among a task force's members: those whose requests for access concern it. */
export const memberAgencies = (members: readonly { kind: string; id: string }[]) => new Set(members.filter((m) => m.kind === 'AGENCY').map((m) => m.id));

import type { Sensitivity } from '../domain/model';
import { ROLES, type Role } from '../store/accounts';

export { ROLES, type Role };

/**
 * What each role may do, as pure functions: the one place the rules live.
 * ANALYST reads only; ADMIN manages accounts and reads the audit trail but sees no
 * sensitive values; the others work cases.
 */
const MAY_SEE: Record<Role, readonly Sensitivity[]> = {
  INVESTIGATOR: ['always', 'victim'],
  TASK_FORCE_LEAD: ['always', 'victim'],
  PROSECUTOR: ['always', 'victim'],
  ANALYST: [],
  ADMIN: [],
};

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

/** Whether a role may see a property of this sensitivity unmasked. */
export const roleMaySee = (role: Role, sensitivity: Sensitivity): boolean => MAY_SEE[role].includes(sensitivity);

/** Mutations any signed-in user may run, whatever the role: their own account. */
export const SELF_SERVICE = new Set(['changePassword']);

/** Whether a role may run a mutation (the schema-wide wrapper asks before every one). */
export function mayMutate(role: Role, field: string): boolean {
  if (SELF_SERVICE.has(field)) return true;
  return role !== 'ANALYST';
}

/** Who reads the audit trail: admins (all of it) and task-force leads (their agency's). */
export const mayReadAudit = (role: Role): boolean => role === 'ADMIN' || role === 'TASK_FORCE_LEAD';

/** The agency filter an audit reader is held to: none for admins, their own for leads. */
export const auditScope = (role: Role, agency: string): string | undefined => (role === 'ADMIN' ? undefined : agency);

/** Who may reveal a masked value, stating a reason: those who work cases. */
export const mayReveal = (role: Role): boolean => role === 'INVESTIGATOR' || role === 'TASK_FORCE_LEAD' || role === 'PROSECUTOR';

/** A reveal's reason as recorded: trimmed; null when there is none worth the name (fewer than 4 characters). */
export function revealReason(reason: string | null | undefined): string | null {
  const r = (reason ?? '').trim();
  return r.length >= 4 ? r.slice(0, 1000) : null;
}

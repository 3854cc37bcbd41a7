import type { Sensitivity } from '../domain/model';
import { ROLES, type Role } from '../store/accounts';

export { ROLES, type Role };

/**
 * What each role may do, as pure functions: the one place the rules live.
 * ANALYST reads only; ADMIN manages accounts and reads the audit trail but sees no
 * sensitive values; the others work cases.
 *
 * Sensitive values (national id numbers, full card numbers, victims' names) are masked unless
 * the role allows them (issue 7):
 *
 * | role            | sees unmasked        | may reveal one, stating a reason |
 * |-----------------|----------------------|----------------------------------|
 * | PROSECUTOR      | all of them          | (nothing is masked)              |
 * | INVESTIGATOR    | none                 | yes, audited                     |
 * | TASK_FORCE_LEAD | none                 | yes, audited                     |
 * | ANALYST         | none                 | no                               |
 * | ADMIN           | none                 | no                               |
 *
 * A prosecutor receives the evidence map as a court will read it; those who work cases see the
 * last four characters (enough to tell cards apart) and unmask one value when they need it, so
 * every full number an investigator saw has a reason in the audit trail.
 */
const MAY_SEE: Record<Role, readonly Sensitivity[]> = {
  INVESTIGATOR: [],
  TASK_FORCE_LEAD: [],
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

/** Who grants or refuses another agency's request for access to their agency's records: those who work its cases. */
export const mayDecideAccess = (role: Role): boolean => role === 'INVESTIGATOR' || role === 'TASK_FORCE_LEAD';

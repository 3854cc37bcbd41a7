import type { Role } from '../viewer/viewer';

/** The audit page's filter form as typed: dates are Shanghai calendar days (YYYY-MM-DD), '' leaves a filter open. */
export interface AuditFilterForm {
  action: string;
  user: string;
  agency: string;
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilterForm = { action: '', user: '', agency: '', from: '', to: '' };

/** Rows per page of the trail. */
export const AUDIT_PAGE = 50;

export interface AuditTrailVariables {
  action?: string;
  agency?: string;
  userId?: string;
  from?: string;
  to?: string;
  beforeSeq?: number;
  limit: number;
}

/** A Shanghai calendar day's first (or last) millisecond as an instant; undefined for anything but a real YYYY-MM-DD. */
export function shanghaiDay(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const t = Date.parse(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}+08:00`);
  if (Number.isNaN(t) || new Date(t + 8 * 3600_000).toISOString().slice(0, 10) !== day) return undefined;
  return new Date(t).toISOString();
}

/**
 * The auditTrail query's variables for a filter form: trimmed, empty fields left out, the agency
 * only for admins (the server holds a lead to their own agency), `beforeSeq` to page back.
 */
export function auditVariables(form: AuditFilterForm, role: Role, beforeSeq: number | null): AuditTrailVariables {
  const v: AuditTrailVariables = { limit: AUDIT_PAGE };
  const action = form.action.trim();
  const user = form.user.trim();
  const agency = form.agency.trim();
  if (action) v.action = action;
  if (user) v.userId = user;
  if (agency && role === 'ADMIN') v.agency = agency;
  const from = shanghaiDay(form.from, false);
  const to = shanghaiDay(form.to, true);
  if (from) v.from = from;
  if (to) v.to = to;
  if (beforeSeq !== null && beforeSeq > 0) v.beforeSeq = beforeSeq;
  return v;
}

/** Whether a role reads the trail at all (the server decides again: server/src/auth/roles.ts mayReadAudit). */
export const mayReadAudit = (role: Role) => role === 'ADMIN' || role === 'TASK_FORCE_LEAD';

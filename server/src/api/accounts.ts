import { auditScope, mayReadAudit } from '../auth/roles';
import { passwordProblem, hashPassword, verifyPassword } from '../auth/password';
import type { AccountStore, AgencyProfile, AuditRecord } from '../store/accounts';
import { apiError } from './errors';
import type { ApiViewer } from './viewer';

export interface AuditTrailArgs {
  userId?: string | null;
  agency?: string | null;
  action?: string | null;
  from?: string | null;
  to?: string | null;
  beforeSeq?: number | null;
  limit?: number | null;
}

/** An agency without a profile still shows, under its id. */
const profile = (agencies: AgencyProfile[], id: string): AgencyProfile =>
  agencies.find((a) => a.id === id) ?? { id, name: id, province: '', level: 'CITY' };

/** The signed-in user's own account, and the audit trail for those who may read it. */
export function createAccountServices(accounts: AccountStore) {
  return {
    me: async (viewer: ApiViewer) => {
      const [agencies, user] = await Promise.all([accounts.listAgencies(), accounts.getUser(viewer.userId)]);
      return {
        id: viewer.userId,
        name: viewer.name ?? viewer.userId,
        role: viewer.role,
        mustChangePassword: user?.mustChange ?? false,
        agency: profile(agencies, viewer.agency ?? viewer.agencies[0] ?? ''),
        agencies: viewer.agencies.map((a) => profile(agencies, a)),
        oversees: (viewer.oversees ?? []).map((a) => profile(agencies, a)),
      };
    },

    agencies: () => accounts.listAgencies(),

    changePassword: async (viewer: ApiViewer, a: { current: string; next: string }) => {
      const user = await accounts.getUser(viewer.userId);
      if (!user || !(await verifyPassword(user.passwordHash, a.current))) throw apiError('FORBIDDEN', 'current: that is not your password.', { field: 'current' });
      const problem = passwordProblem(a.next);
      if (problem) throw apiError('BAD_INPUT', `next: ${problem}`, { field: 'next' });
      if (a.next === a.current) throw apiError('BAD_INPUT', 'next: choose a password other than the current one.', { field: 'next' });
      await accounts.setPassword(user.id, await hashPassword(a.next), false);
      return true;
    },

    auditTrail: async (viewer: ApiViewer, a: AuditTrailArgs): Promise<AuditRecord[]> => {
      if (!mayReadAudit(viewer.role)) throw apiError('FORBIDDEN', 'Only administrators and task-force leads read the audit trail.');
      const scope = auditScope(viewer.role, viewer.agency ?? viewer.agencies[0] ?? '');
      if (scope && a.agency && a.agency !== scope) return [];
      return accounts.searchAudit({
        userId: a.userId ?? undefined,
        agency: scope ?? a.agency ?? undefined,
        action: a.action ?? undefined,
        from: a.from ?? undefined,
        to: a.to ?? undefined,
        beforeSeq: a.beforeSeq ?? undefined,
        limit: Math.min(500, Math.max(1, a.limit ?? 100)),
      });
    },
  };
}

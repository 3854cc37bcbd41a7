/**
 * Who the app asks as: the signed-in user, as the server's `me` query describes them. The
 * session itself is an HttpOnly cookie the server set at login; the app never holds the token.
 */

export const ROLES = ['INVESTIGATOR', 'TASK_FORCE_LEAD', 'PROSECUTOR', 'ANALYST', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export interface AgencyInfo {
  id: string;
  name: string;
  province: string;
  level: string;
}

export interface Viewer {
  /** The agencies whose records the user sees as their own. */
  agencies: string[];
  /** The user's id (`user:` and the login name). */
  user: string;
  /** The login name. */
  name: string;
  role: Role;
  agency: AgencyInfo;
  /** The agencies the user's agency supervises: their records are visible, not owned. */
  oversees: { id: string; name: string }[];
  mustChangePassword: boolean;
}

interface MeShape {
  id: string;
  name: string;
  role: string;
  mustChangePassword: boolean;
  agency: AgencyInfo;
  agencies: { id: string }[];
  oversees: { id: string; name: string }[];
}

/** The viewer a `me` answer describes; an unknown role reads as the most restricted one. */
export function viewerFromMe(me: MeShape): Viewer {
  return {
    agencies: me.agencies.map((a) => a.id),
    user: me.id,
    name: me.name,
    role: (ROLES as readonly string[]).includes(me.role) ? (me.role as Role) : 'ANALYST',
    agency: me.agency,
    oversees: me.oversees,
    mustChangePassword: me.mustChangePassword,
  };
}

export type LoginProblem = 'wrong' | 'throttled' | 'failed';

/** What a POST /auth/login answer means for the login screen. */
export function loginProblem(status: number): LoginProblem | null {
  if (status === 200) return null;
  if (status === 401) return 'wrong';
  if (status === 429) return 'throttled';
  return 'failed';
}

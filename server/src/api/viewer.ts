import type { Config } from '../config';
import type { Sensitivity } from '../domain/model';
import type { Viewer } from '../domain/types';

/**
 * What a viewer may see of sensitive properties. The access issue assigns roles to users; until
 * then every viewer is RESTRICTED unless the development `x-role` header says otherwise.
 */
export const ROLES = ['RESTRICTED', 'INVESTIGATOR', 'PROSECUTOR'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiViewer extends Viewer {
  role: Role;
}

const MAY_SEE: Record<Role, readonly Sensitivity[]> = {
  RESTRICTED: [],
  INVESTIGATOR: ['always', 'victim'],
  PROSECUTOR: ['always', 'victim'],
};

/** The masking hook: whether a viewer's role may see a property of this sensitivity. */
export function maySee(viewer: ApiViewer, sensitivity: Sensitivity): boolean {
  return MAY_SEE[viewer.role].includes(sensitivity);
}

/** Keeps the last four characters of a value that long, so an investigator can still tell cards apart. */
export function maskValue(value: string): string {
  return value.length > 6 ? `${'*'.repeat(value.length - 4)}${value.slice(-4)}` : '***';
}

const AGENCY = /^[a-z0-9][a-z0-9-]{0,63}$/;
const NOBODY: ApiViewer = { agencies: [], userId: 'anonymous', role: 'RESTRICTED' };

/**
 * The viewer of a request. Until the access issue brings users, development takes it from
 * headers: `x-agencies: sh-psb,fj-psb` (default: none, so nothing is visible), `x-user: officer-7`,
 * `x-role: INVESTIGATOR` (default RESTRICTED). Malformed values count as absent.
 */
export function viewerFromRequest(request: Request, config: Pick<Config, 'viewerHeaders'>): ApiViewer {
  if (!config.viewerHeaders) return NOBODY;
  const agencies = (request.headers.get('x-agencies') ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => AGENCY.test(a))
    .slice(0, 50);
  const user = request.headers.get('x-user')?.trim() ?? '';
  const role = request.headers.get('x-role')?.trim().toUpperCase() ?? '';
  return {
    agencies: [...new Set(agencies)],
    userId: /^[\w.@-]{1,64}$/.test(user) ? user : 'anonymous',
    role: (ROLES as readonly string[]).includes(role) ? (role as Role) : 'RESTRICTED',
  };
}

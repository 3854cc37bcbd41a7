import type { SessionClaims } from '../auth/token';
import { roleMaySee, type Role } from '../auth/roles';
import type { Sensitivity } from '../domain/model';
import type { Viewer } from '../domain/types';

export { ROLES, type Role } from '../auth/roles';

/** Who is asking, as the API sees it: the session's user, agency and role, and what they may see. */
export interface ApiViewer extends Viewer {
  role: Role;
  /** The user's own agency: audit records go under it (default: the first of `agencies`). */
  agency?: string;
  /** The login name. */
  name?: string;
  sessionId?: string;
}

/** The masking hook: whether a viewer's role may see a property of this sensitivity. */
export function maySee(viewer: Pick<ApiViewer, 'role'>, sensitivity: Sensitivity): boolean {
  return roleMaySee(viewer.role, sensitivity);
}

/** Keeps the last four characters of a value that long, so an investigator can still tell cards apart. */
export function maskValue(value: string): string {
  return value.length > 6 ? `${'*'.repeat(value.length - 4)}${value.slice(-4)}` : '***';
}

/** The viewer of a live session. */
export function viewerOf(claims: SessionClaims): ApiViewer {
  return { agencies: [...claims.agencies], oversees: [...(claims.oversees ?? [])], userId: claims.sub, role: claims.role, agency: claims.agency, name: claims.name, sessionId: claims.sid };
}

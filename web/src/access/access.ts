import type { Role } from '../viewer/viewer';

/** Who may send a request for access (the server decides again): anyone who may change anything. */
export const mayRequestAccess = (role: Role) => role !== 'ANALYST';

/** Who grants or refuses a request to their agency (the server decides again). */
export const mayDecideAccess = (role: Role) => role === 'INVESTIGATOR' || role === 'TASK_FORCE_LEAD';

/** A reason worth the name, as the server counts it (trimmed, at least 4 characters). */
export const reasonGiven = (reason: string) => reason.trim().length >= 4;

/** What to open on the canvas for a granted request: the cases it opened, and the identifier that led to them. */
export const grantedOpen = (r: { nodeId: string; grantedCases: readonly string[] }) => [...r.grantedCases, r.nodeId];

/** A user as the app names them: the login name, without the id's `user:` prefix. */
export const userName = (userId: string) => userId.replace(/^user:/, '');

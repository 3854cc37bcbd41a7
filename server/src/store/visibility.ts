import type { Viewer } from '../domain/types';

/**
 * Owners are stored as one delimited string, `|sh-psb|fj-psb|`, in both engines: Kuzu 0.11
 * cannot evaluate a list predicate over a parameter inside a recursive pattern's filter, and a
 * regular expression over a string reads the same in both dialects (`n.owners =~ $ownerPattern`).
 *
 * The same string carries grants: principals other than the owning agencies that may see the
 * record, each marked with `~` — a task force it was shared into (`~tf:…`), an agency granted
 * access on request (`~ag.fj-psb`), or everyone (`~national`): `|sh-psb|~tf:12|~national|`.
 * A viewer's pattern names its agencies and its principals, so every existing query filters
 * shares with no change; the API shows only the owning agencies (`decodeOwners`).
 */
export const GRANT_MARK = '~';

/** The principal of records marked for national sharing: every agency's users see them. */
export const NATIONAL = '~national';

/** The principal of a task force: its members (users, and users of member agencies) see what was shared into it. */
export const taskForcePrincipal = (taskForceId: string) => `${GRANT_MARK}${taskForceId}`;

/** The principal of one agency as a grantee (an access request granted): that agency's users see the records, without owning them. */
export const agencyPrincipal = (agency: string) => `${GRANT_MARK}ag.${agency}`;

const isGrant = (token: string) => token.startsWith(GRANT_MARK);
const tokens = (encoded: unknown): string[] => (typeof encoded === 'string' ? encoded.split('|').filter((s) => s.length > 0) : []);

export function encodeOwners(owners: readonly string[]): string {
  return owners.length === 0 ? '' : `|${owners.join('|')}|`;
}

/**
 * The owning agencies of a stored owners string: what the API shows as holders (grants left out).
 * Read in one pass: every record a read returns has its owners decoded.
 */
export function decodeOwners(encoded: unknown): string[] {
  const owners: string[] = [];
  if (typeof encoded !== 'string') return owners;
  for (let pos = 0; pos < encoded.length; ) {
    let bar = encoded.indexOf('|', pos);
    if (bar < 0) bar = encoded.length;
    if (bar > pos && !encoded.startsWith(GRANT_MARK, pos)) owners.push(encoded.slice(pos, bar));
    pos = bar + 1;
  }
  return owners;
}

/** The grants (`~` principals) of a stored owners string. */
export function decodeGrants(encoded: unknown): string[] {
  return tokens(encoded).filter(isGrant);
}

/** A record's owners string from its owning agencies and its grants. */
export function encodeRecordOwners(owners: readonly string[], grants: readonly string[] = []): string {
  return encodeOwners([...owners, ...grants]);
}

/**
 * THE merge rule of every write path that adds owners to a stored record (store upsert, the
 * embedded engine's bulk writer, Neo4j's upsert queries): the stored string's tokens stay, in
 * order, grants included, and each incoming agency not there yet is appended. Returns the new
 * encoded string; equal to `stored` (as a string) when nothing was added.
 */
export function mergeOwners(stored: unknown, incoming: readonly string[]): string {
  const kept = tokens(stored);
  const added = incoming.filter((a, i) => !kept.includes(a) && incoming.indexOf(a) === i);
  return added.length === 0 && typeof stored === 'string' && stored.length > 0 ? stored : encodeOwners([...kept, ...added]);
}

/** The stored owners string with `principal` granted (unchanged when it already was). */
export function withGrant(stored: unknown, principal: string): string {
  assertPrincipal(principal);
  return mergeOwners(stored, [principal]);
}

/** The stored owners string without `principal` (unchanged when it was not granted). */
export function withoutGrant(stored: unknown, principal: string): string {
  assertPrincipal(principal);
  return encodeOwners(tokens(stored).filter((t) => t !== principal));
}

const AGENCY_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const PRINCIPAL = /^~[A-Za-z0-9_.:-]{1,80}$/;

export function assertAgencyId(id: string): void {
  if (!AGENCY_ID.test(id)) throw new Error(`bad agency id: ${JSON.stringify(id)}`);
}

export function assertPrincipal(p: string): void {
  if (!PRINCIPAL.test(p)) throw new Error(`bad grant principal: ${JSON.stringify(p)}`);
}

/**
 * Every token a viewer may see records under: its agencies, each of them as a grantee, the
 * agencies it supervises, the task forces it belongs to (`viewer.grants`), and national sharing.
 * A viewer of no agency has none (it sees nothing, not even national records).
 */
export function principalsOf(viewer: Viewer): string[] {
  if (viewer.agencies.length === 0) return [];
  viewer.agencies.forEach(assertAgencyId);
  if (viewer.ownedOnly) return [...new Set(viewer.agencies)];
  (viewer.grants ?? []).forEach(assertPrincipal);
  (viewer.oversees ?? []).forEach(assertAgencyId);
  return [...new Set([...viewer.agencies, ...viewer.agencies.map(agencyPrincipal), ...(viewer.oversees ?? []), ...(viewer.grants ?? []), NATIONAL])];
}

/** The query parameters that restrict a read to what the viewer may see. */
export function viewerParams(viewer: Viewer): { agencies: string[]; ownerPattern: string } {
  const alternatives = principalsOf(viewer).map((a) => a.replace(/\./g, '[.]')).join('|');
  return { agencies: [...viewer.agencies], ownerPattern: `.*[|](${alternatives})[|].*` };
}

/** The same rule as `n.owners =~ $ownerPattern`, for records already read. */
export function visibleTo(viewer: Viewer): (record: { owners: string[]; grants?: string[] }) => boolean {
  const principals = new Set(principalsOf(viewer));
  return (r) => r.owners.some((o) => principals.has(o)) || (r.grants ?? []).some((g) => principals.has(g));
}

/** The same rule over a stored owners string. */
export function visibleEncoded(viewer: Viewer): (encoded: string) => boolean {
  const principals = new Set(principalsOf(viewer));
  return (encoded) => tokens(encoded).some((t) => principals.has(t));
}

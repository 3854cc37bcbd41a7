import type { Viewer } from '../domain/types';

/**
 * Owners are stored as one delimited string, `|sh-psb|fj-psb|`, in both engines: Kuzu 0.11
 * cannot evaluate a list predicate over a parameter inside a recursive pattern's filter, and a
 * regular expression over a string reads the same in both dialects (`n.owners =~ $ownerPattern`).
 */
export function encodeOwners(owners: readonly string[]): string {
  return owners.length === 0 ? '' : `|${owners.join('|')}|`;
}

export function decodeOwners(encoded: unknown): string[] {
  return typeof encoded === 'string' ? encoded.split('|').filter((s) => s.length > 0) : [];
}

const AGENCY_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export function assertAgencyId(id: string): void {
  if (!AGENCY_ID.test(id)) throw new Error(`bad agency id: ${JSON.stringify(id)}`);
}

/** The query parameters that restrict a read to what the viewer may see. */
export function viewerParams(viewer: Viewer): { agencies: string[]; ownerPattern: string } {
  viewer.agencies.forEach(assertAgencyId);
  const alternatives = viewer.agencies.map((a) => a.replace(/\./g, '[.]')).join('|');
  return { agencies: [...viewer.agencies], ownerPattern: `.*[|](${alternatives})[|].*` };
}

/** The same rule as `n.owners =~ $ownerPattern`, for nodes already read. */
export function visibleTo(viewer: Viewer): (node: { owners: string[] }) => boolean {
  const agencies = new Set(viewer.agencies);
  return (node) => node.owners.some((o) => agencies.has(o));
}

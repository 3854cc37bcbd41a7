import type { LinkType } from '../domain/model';
import type { GraphStore } from '../store/graph-store';
import type { RecordSet } from '../store/task-forces';
import { apiError } from './errors';

/**
 * The largest subgraph one share may name; beyond it the sharer narrows hops or link types. At
 * most as many records as the in-memory graph patches in place (cache-keeper.ts), so a share or
 * its revoke never makes the next reads wait for a reload.
 */
export const SHARE_LIMITS = { hops: 2, records: 2000 } as const;

/**
 * What a share of `caseId` names: the case and, within `hops` links of it through `linkTypes`
 * (every type when empty), the nodes and links `agency` owns — reached through records it owns
 * only, so a record seen through another share or national sharing is never handed on (shares
 * never widen). Null when the agency does not own the case.
 */
export async function ownedSubgraph(store: GraphStore, agency: string, caseId: string, selection: { hops: number; linkTypes: LinkType[] }): Promise<RecordSet | null> {
  const own = { agencies: [agency], userId: `share:${agency}`, ownedOnly: true };
  const [root] = await store.getNodes(own, [caseId]);
  if (!root || root.label !== 'Case') return null;
  if (selection.hops === 0) return { nodes: [root.id], links: [] };
  const n = await store.neighborhood(own, [root.id], { hops: selection.hops, linkTypes: selection.linkTypes.length > 0 ? selection.linkTypes : undefined, limit: SHARE_LIMITS.records });
  if (n.truncated || n.nodes.length + n.links.length > SHARE_LIMITS.records) {
    throw apiError('LIMIT', `The case with ${selection.hops} hops holds more than ${SHARE_LIMITS.records} records; share fewer hops or link types.`);
  }
  const owned = <T extends { owners: string[] }>(r: T) => r.owners.includes(agency);
  return {
    nodes: n.nodes.filter(owned).map((x) => x.id),
    links: n.links.filter(owned).map((l) => ({ type: l.type, from: l.from, to: l.to, key: l.key })),
  };
}

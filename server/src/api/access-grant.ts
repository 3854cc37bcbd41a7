import type { GraphLink, GraphNode, Viewer } from '../domain/types';
import { STORE_LIMITS, type GraphStore } from '../store/graph-store';
import { agencyPrincipal } from '../store/visibility';

/** Records by id, as a grant names them: nodes, and links by their identity. */
export interface GrantedRecords {
  nodes: string[];
  links: Pick<GraphLink, 'type' | 'from' | 'to' | 'key'>[];
}

/** Lets an agency see records it does not own, from its users' next request on, and takes that back. */
export interface AgencyGrants {
  grant(agency: string, records: GrantedRecords): Promise<void>;
  withdraw(agency: string, records: GrantedRecords): Promise<void>;
}

/** What a decided access request grants: the requester's agency as a grantee of the records (visibility.ts). */
export const agencyGrants = (store: GraphStore): AgencyGrants => ({
  grant: (agency, records) => store.grantRecords(agencyPrincipal(agency), records),
  withdraw: (agency, records) => store.withdrawRecords(agencyPrincipal(agency), records),
});

/** The cases an identifier is in, and the person links that put a person by national id in one. */
const CASE_LINKS = ['INVOLVES', 'SUSPECT_IN', 'VICTIM_IN'] as const;

/**
 * What a granted access request opens: the holder's cases that involve the identifier (or in
 * which the person is a suspect or victim), each with the records one link around it, and the
 * links among them — only what the holder itself owns, so a record it sees through someone
 * else's share is never handed on.
 */
export async function holderRecordsAround(store: GraphStore, holder: string, nodeId: string): Promise<GrantedRecords & { cases: string[] }> {
  const own: Viewer = { agencies: [holder], userId: `access:${holder}`, ownedOnly: true };
  const owned = (r: { owners: string[] }) => r.owners.includes(holder);
  const near = await store.neighborhood(own, [nodeId], { hops: 1, labels: ['Case'], linkTypes: [...CASE_LINKS], limit: STORE_LIMITS.maxLimit });
  const cases = near.nodes.filter((n: GraphNode) => n.label === 'Case' && n.id !== nodeId && owned(n)).map((n) => n.id).sort();
  if (cases.length === 0) return { cases, nodes: [], links: [] };
  const around = await store.neighborhood(own, cases, { hops: 1, limit: STORE_LIMITS.maxLimit });
  return {
    cases,
    nodes: around.nodes.filter(owned).map((n) => n.id),
    links: around.links.filter(owned).map((l) => ({ type: l.type, from: l.from, to: l.to, key: l.key })),
  };
}

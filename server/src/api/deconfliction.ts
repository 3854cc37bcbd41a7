import { mayDecideAccess, revealReason } from '../auth/roles';
import { LABELS } from '../domain/model';
import type { GraphNode } from '../domain/types';
import type { AccessRequest } from '../store/access-requests';
import type { AgencyProfile } from '../store/accounts';
import type { GraphStore } from '../store/graph-store';
import { holderRecordsAround, type AgencyGrants } from './access-grant';
import { apiError } from './errors';
import { API_LIMITS } from './limits';
import type { ApiViewer } from './viewer';

/** An agency as the API names it; one without a profile shows under its id. */
const profileOf = (profiles: AgencyProfile[], id: string): AgencyProfile => profiles.find((a) => a.id === id) ?? { id, name: id, province: '', level: 'CITY' };

/** An access request with its two agencies' profiles. */
export interface AccessRequestView extends AccessRequest {
  holderAgency: AgencyProfile;
  requesterAgency: AgencyProfile;
}

/** One other agency that holds an identifier, and where this viewer's agency's request to it stands. */
export interface Holder {
  agency: AgencyProfile;
  request: AccessRequestView | null;
}

export interface DeconflictionHit {
  nodeId: string;
  holders: Holder[];
}

/** Identifiers merge across agencies: cards, phones, accounts, devices, and a person by national id. */
export const isIdentifier = (n: GraphNode) => LABELS[n.label].identifier || (n.label === 'Person' && typeof n.props.idNumber === 'string' && n.props.idNumber.length > 0);

/** The agency a user asks and decides for: their own. */
const ownAgency = (viewer: ApiViewer) => viewer.agency ?? viewer.agencies[0] ?? '';

const NO_HOLDING = 'No other agency holds an identifier with this id.';
const NO_REQUEST = 'No access request with this id.';
const NOT_GRANTED = 'Only a granted request can be withdrawn, and this one is not (any more).';

/**
 * Deconfliction, hit without disclosure (issue 7): for an identifier a user can see, which other
 * agencies also hold it — their names and nothing of their data — and the request for access that
 * the holder grants (its records around the identifier become visible to the requester's agency)
 * or refuses. Requests and decisions are mutations, so the schema's wrapper audits each one.
 * What the viewer may not see is answered exactly as what does not exist.
 */
export function createDeconflictionServices(store: GraphStore, grants: AgencyGrants) {
  const views = async (requests: AccessRequest[]): Promise<AccessRequestView[]> => {
    if (requests.length === 0) return [];
    const profiles = await store.accounts.listAgencies();
    return requests.map((r) => ({ ...r, holderAgency: profileOf(profiles, r.holder), requesterAgency: profileOf(profiles, r.requester) }));
  };
  /** The agencies whose records the viewer sees whole already: its own and those it supervises; no one asks them for access. */
  const seenWhole = (viewer: ApiViewer) => new Set([...viewer.agencies, ...(viewer.oversees ?? [])]);
  const outgoing = (viewer: ApiViewer) => store.accessRequests.listAccessRequests({ holders: [], requesters: [ownAgency(viewer)] });

  return {
    hits: async (viewer: ApiViewer, nodeIds: readonly string[]): Promise<DeconflictionHit[]> => {
      const nodes = await store.getNodes(viewer, [...new Set(nodeIds)].slice(0, API_LIMITS.nodeIds.max));
      const whole = seenWhole(viewer);
      const held = nodes.filter(isIdentifier).map((n) => ({ nodeId: n.id, others: n.owners.filter((o) => !whole.has(o)).sort() })).filter((h) => h.others.length > 0);
      if (held.length === 0) return [];
      const [profiles, mine] = await Promise.all([store.accounts.listAgencies(), outgoing(viewer).then(views)]);
      // Newest first: the first request found for a holding is where it stands now.
      const latest = (nodeId: string, holder: string) => mine.find((r) => r.nodeId === nodeId && r.holder === holder) ?? null;
      return held.map((h) => ({ nodeId: h.nodeId, holders: h.others.map((a) => ({ agency: profileOf(profiles, a), request: latest(h.nodeId, a) })) }));
    },

    request: async (viewer: ApiViewer, a: { nodeId: string; agency: string; reason: string }): Promise<AccessRequestView> => {
      const reason = revealReason(a.reason);
      if (!reason) throw apiError('BAD_INPUT', 'reason: say why your agency needs these records (at least 4 characters).', { field: 'reason' });
      const [node] = await store.getNodes(viewer, [a.nodeId]);
      if (!node || !isIdentifier(node) || !node.owners.includes(a.agency) || seenWhole(viewer).has(a.agency)) throw apiError('NOT_FOUND', NO_HOLDING);
      const requester = ownAgency(viewer);
      // Asking again while a request is open (or was granted) answers that request: one decision per holding.
      const open = (await outgoing(viewer)).find((r) => r.nodeId === node.id && r.holder === a.agency && (r.status === 'PENDING' || r.status === 'GRANTED'));
      const made = open ?? (await store.accessRequests.createAccessRequest({ nodeId: node.id, requester, holder: a.agency, requestedBy: viewer.userId, reason }));
      return (await views([made]))[0]!;
    },

    list: async (viewer: ApiViewer, direction: 'INCOMING' | 'OUTGOING'): Promise<AccessRequestView[]> => {
      const own = [ownAgency(viewer)];
      return views(await store.accessRequests.listAccessRequests(direction === 'INCOMING' ? { holders: own, requesters: [] } : { holders: [], requesters: own }));
    },

    decide: async (viewer: ApiViewer, a: { id: string; grant: boolean; note?: string | null }): Promise<AccessRequestView> => {
      const request = await store.accessRequests.getAccessRequest(a.id);
      if (!request || request.holder !== ownAgency(viewer)) throw apiError('NOT_FOUND', NO_REQUEST);
      if (!mayDecideAccess(viewer.role)) throw apiError('FORBIDDEN', 'Only an investigator or task-force lead of the holding agency decides a request for access.');
      if (request.status !== 'PENDING') throw apiError('CONFLICT', 'This request was decided already.');
      const note = (a.note ?? '').trim().slice(0, 1000);
      let cases: string[] = [];
      if (a.grant) {
        const records = await holderRecordsAround(store, request.holder, request.nodeId);
        await grants.grant(request.requester, records);
        cases = records.cases;
      }
      const decided = await store.accessRequests.decideAccessRequest(request.id, { status: a.grant ? 'GRANTED' : 'REFUSED', decidedBy: viewer.userId, note, grantedCases: cases });
      if (!decided) throw apiError('CONFLICT', 'This request was decided already.');
      return (await views([decided]))[0]!;
    },

    withdraw: async (viewer: ApiViewer, a: { id: string; note?: string | null }): Promise<AccessRequestView> => {
      const request = await store.accessRequests.getAccessRequest(a.id);
      if (!request || request.holder !== ownAgency(viewer)) throw apiError('NOT_FOUND', NO_REQUEST);
      if (!mayDecideAccess(viewer.role)) throw apiError('FORBIDDEN', 'Only an investigator or task-force lead of the holding agency withdraws a grant.');
      if (request.status !== 'GRANTED') throw apiError('CONFLICT', NOT_GRANTED);
      // Hidden first, then marked: a failure between the two leaves the records hidden and the grant to withdraw again.
      await grants.withdraw(request.requester, await holderRecordsAround(store, request.holder, request.nodeId));
      const withdrawn = await store.accessRequests.withdrawAccessGrant(request.id, { decidedBy: viewer.userId, note: (a.note ?? '').trim().slice(0, 1000) });
      if (!withdrawn) throw apiError('CONFLICT', NOT_GRANTED);
      // Another grant to the same agency may open some of the same records: it still stands.
      for (const r of await store.accessRequests.grantedAccessRequests(request.requester)) await grants.grant(r.requester, await holderRecordsAround(store, r.holder, r.nodeId));
      return (await views([withdrawn]))[0]!;
    },
  };
}

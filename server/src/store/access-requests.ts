import type { PropDef } from '../domain/model';

/**
 * Requests for access after a deconfliction hit (issue 7): an agency that holds an identifier
 * another agency also holds asks that agency for its records around it. Application records
 * beside the graph, behind the same port, on both engines; kept after the decision as its history.
 */

/** WITHDRAWN: granted, then taken back by the holder. */
export const ACCESS_REQUEST_STATUSES = ['PENDING', 'GRANTED', 'REFUSED', 'WITHDRAWN'] as const;
export type AccessRequestStatus = (typeof ACCESS_REQUEST_STATUSES)[number];

export interface AccessRequest {
  /** `access:` and a UUID. */
  id: string;
  /** The identifier node both agencies hold. */
  nodeId: string;
  /** The agency asking. */
  requester: string;
  /** The agency asked: one of the node's other owners. */
  holder: string;
  /** The user who asked. */
  requestedBy: string;
  reason: string;
  requestedAt: string;
  status: AccessRequestStatus;
  /** '' until decided; the latest decision: the grant or refusal, then a grant's withdrawal. */
  decidedBy: string;
  decidedAt: string;
  /** The decider's note: why granted, refused or withdrawn. */
  note: string;
  /** The holder's cases the grant opened to the requester (empty unless granted; kept when withdrawn). */
  grantedCases: string[];
}

export const ACCESS_REQUEST_LIMITS = {
  reasonLength: 1000,
  /** Requests one list returns at most: the newest. */
  read: 500,
} as const;

/** The stored properties, one place for the Kuzu table and the Cypher lint schema; grantedCases encoded `|a|b|`. */
const s: PropDef = { type: 'string' };
export const ACCESS_REQUEST_PROPS = {
  id: s,
  nodeId: s,
  requester: s,
  holder: s,
  requestedBy: s,
  reason: s,
  requestedAt: { type: 'time' },
  status: s,
  decidedBy: s,
  decidedAt: s,
  note: s,
  grantedCases: s,
} as const satisfies Record<string, PropDef>;

export interface AccessRequestStore {
  /** Records a new PENDING request. */
  createAccessRequest(draft: Pick<AccessRequest, 'nodeId' | 'requester' | 'holder' | 'requestedBy' | 'reason'>): Promise<AccessRequest>;
  /** One request by id, whoever asks: the caller decides who may see it. */
  getAccessRequest(id: string): Promise<AccessRequest | null>;
  /** Requests to (`holders`) or from (`requesters`) these agencies, newest first. */
  listAccessRequests(filter: { holders: string[]; requesters: string[] }): Promise<AccessRequest[]>;
  /** Every request from `requester` that stands GRANTED, oldest first: not capped, since withdrawing one grant re-applies all the others. */
  grantedAccessRequests(requester: string): Promise<AccessRequest[]>;
  /** Decides a PENDING request; null when it is not pending any more (someone decided first). */
  decideAccessRequest(id: string, decision: Pick<AccessRequest, 'status' | 'decidedBy' | 'note' | 'grantedCases'>): Promise<AccessRequest | null>;
  /** Marks a GRANTED request WITHDRAWN by `decidedBy`; null when it is not granted (any more). */
  withdrawAccessGrant(id: string, withdrawal: Pick<AccessRequest, 'decidedBy' | 'note'>): Promise<AccessRequest | null>;
}

import { randomUUID } from 'node:crypto';
import { ACCESS_REQUEST_LIMITS, type AccessRequest, type AccessRequestStatus, type AccessRequestStore } from './access-requests';
import type { CypherRunner, Row } from './runner';
import { encodeOwners } from './visibility';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const decodeIds = (v: unknown) => str(v).split('|').filter((x) => x.length > 0);

function toRequest(r: Row): AccessRequest {
  return {
    id: str(r.id),
    nodeId: str(r.nodeId),
    requester: str(r.requester),
    holder: str(r.holder),
    requestedBy: str(r.requestedBy),
    reason: str(r.reason),
    requestedAt: str(r.requestedAt),
    status: str(r.status) as AccessRequestStatus,
    decidedBy: str(r.decidedBy),
    decidedAt: str(r.decidedAt),
    note: str(r.note),
    grantedCases: decodeIds(r.grantedCases),
  };
}

/** The AccessRequestStore half of the port, over any engine that runs the queries in cypher/. */
export class CypherAccessRequests implements AccessRequestStore {
  private last = 0;

  constructor(private readonly runner: CypherRunner) {}

  async createAccessRequest(d: Pick<AccessRequest, 'nodeId' | 'requester' | 'holder' | 'requestedBy' | 'reason'>): Promise<AccessRequest> {
    const params = { id: `access:${randomUUID()}`, ...d, reason: d.reason.slice(0, ACCESS_REQUEST_LIMITS.reasonLength), now: this.now() };
    const [row] = await this.runner.writeQuery('access-request-create', params);
    if (!row) throw new Error(`access request ${params.id} not readable after create`);
    return toRequest(row);
  }

  async getAccessRequest(id: string): Promise<AccessRequest | null> {
    const [row] = await this.runner.read('access-request-get', { id });
    return row ? toRequest(row) : null;
  }

  async listAccessRequests(filter: { holders: string[]; requesters: string[] }): Promise<AccessRequest[]> {
    if (filter.holders.length === 0 && filter.requesters.length === 0) return [];
    // Kuzu 0.11 crashes on an empty list parameter: an unused side gets a placeholder no agency has.
    const rows = await this.runner.read('access-request-list', {
      holders: filter.holders.length > 0 ? filter.holders : [''],
      requesters: filter.requesters.length > 0 ? filter.requesters : [''],
    });
    return rows.map(toRequest).slice(0, ACCESS_REQUEST_LIMITS.read);
  }

  async grantedAccessRequests(requester: string): Promise<AccessRequest[]> {
    return (await this.runner.read('access-request-granted', { requester })).map(toRequest);
  }

  async decideAccessRequest(id: string, d: Pick<AccessRequest, 'status' | 'decidedBy' | 'note' | 'grantedCases'>): Promise<AccessRequest | null> {
    const [row] = await this.runner.writeQuery('access-request-decide', { id, status: d.status, decidedBy: d.decidedBy, note: d.note, grantedCases: encodeOwners(d.grantedCases), now: this.now() });
    return row ? toRequest(row) : null;
  }

  async withdrawAccessGrant(id: string, w: Pick<AccessRequest, 'decidedBy' | 'note'>): Promise<AccessRequest | null> {
    const [row] = await this.runner.writeQuery('access-request-withdraw', { id, decidedBy: w.decidedBy, note: w.note, now: this.now() });
    return row ? toRequest(row) : null;
  }

  /** Times strictly increase within this process, so two requests of one millisecond still sort. */
  private now(): string {
    this.last = Math.max(Date.now(), this.last + 1);
    return new Date(this.last).toISOString();
  }
}

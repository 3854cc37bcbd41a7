import {
  auditId,
  type AccountStore,
  type AgencyProfile,
  type AuditFilter,
  type AuditHead,
  type AuditRecord,
  type Role,
  type SessionRecord,
  type UserRecord,
} from './accounts';
import type { CypherRunner, Row } from './runner';

const EARLIEST = '0000-01-01T00:00:00.000Z';
const LATEST = '9999-12-31T23:59:59.999Z';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function toUser(r: Row): UserRecord {
  return {
    id: str(r.id),
    name: str(r.name),
    agency: str(r.agency),
    role: str(r.role) as Role,
    passwordHash: str(r.passwordHash),
    mustChange: r.mustChange === true,
    createdAt: str(r.createdAt),
    createdBy: str(r.createdBy),
  };
}

function toAudit(r: Row): AuditRecord {
  let objectIds: string[] = [];
  try {
    const parsed: unknown = JSON.parse(str(r.objectIds) || '[]');
    if (Array.isArray(parsed)) objectIds = parsed.map(String);
  } catch {
    objectIds = [str(r.objectIds)];
  }
  return {
    seq: Number(str(r.id)),
    at: str(r.at),
    userId: str(r.userId),
    agency: str(r.agency),
    action: str(r.action),
    objectIds,
    outcome: str(r.outcome),
    requestId: str(r.requestId),
    detail: str(r.detail),
    prevHash: str(r.prevHash),
    hash: str(r.hash),
  };
}

/** The AccountStore half of the port, over any engine that runs the queries in cypher/. */
export class CypherAccounts implements AccountStore {
  constructor(private readonly runner: CypherRunner) {}

  async putAgency(a: AgencyProfile): Promise<void> {
    await this.runner.writeQuery('agency-put', { ...a });
  }

  async listAgencies(): Promise<AgencyProfile[]> {
    const rows = await this.runner.read('agency-list', {});
    return rows.map((r) => ({ id: str(r.id), name: str(r.name), province: str(r.province), level: str(r.level) as AgencyProfile['level'] }));
  }

  async createUser(user: UserRecord): Promise<boolean> {
    const [row] = await this.runner.writeQuery('user-create', { ...user });
    return !!row && row.passwordHash === user.passwordHash && row.createdAt === user.createdAt;
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const [row] = await this.runner.read('user-get', { id });
    return row ? toUser(row) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.runner.read('user-list', {})).map(toUser);
  }

  async setPassword(id: string, passwordHash: string, mustChange: boolean): Promise<boolean> {
    return (await this.runner.writeQuery('user-password', { id, passwordHash, mustChange })).length > 0;
  }

  async putSession(s: SessionRecord): Promise<void> {
    await this.runner.writeQuery('session-create', { id: s.id, userId: s.userId, createdAt: s.createdAt, expiresAt: s.expiresAt });
  }

  async revokeSession(id: string, at: string): Promise<void> {
    await this.runner.writeQuery('session-revoke', { id, at });
  }

  async revokedSessions(now: string): Promise<string[]> {
    return (await this.runner.read('session-revoked', { now })).map((r) => str(r.id));
  }

  async appendAudit(r: AuditRecord): Promise<void> {
    const { seq, objectIds, ...rest } = r;
    await this.runner.writeQuery('audit-append', { ...rest, id: auditId(seq), objectIds: JSON.stringify(objectIds) });
  }

  async lastAudit(): Promise<AuditRecord | null> {
    const [row] = await this.runner.read('audit-last', {});
    return row ? toAudit(row) : null;
  }

  async putAuditHead(h: AuditHead): Promise<void> {
    await this.runner.writeQuery('audit-head-put', { id: 'head', seq: auditId(h.seq), hash: h.hash, mac: h.mac });
  }

  async auditHead(): Promise<AuditHead | null> {
    const [row] = await this.runner.read('audit-head', { id: 'head' });
    return row && str(row.seq) ? { seq: Number(str(row.seq)), hash: str(row.hash), mac: str(row.mac) } : null;
  }

  async auditRange(afterSeq: number, count: number): Promise<AuditRecord[]> {
    const rows = await this.runner.read('audit-range', { after: auditId(afterSeq), until: auditId(afterSeq + count) });
    return rows.map(toAudit);
  }

  async searchAudit(f: AuditFilter): Promise<AuditRecord[]> {
    const rows = await this.runner.read('audit-search', {
      before: f.beforeSeq ? auditId(f.beforeSeq) : auditId(10 ** 12 - 1),
      userId: f.userId ?? '',
      agency: f.agency ?? '',
      action: f.action ?? '',
      from: f.from ?? EARLIEST,
      to: f.to ?? LATEST,
      limit: Math.max(1, Math.min(1000, Math.trunc(f.limit) || 1)),
    });
    return rows.map(toAudit);
  }
}

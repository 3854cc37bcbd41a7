import { AGENCY_LEVELS, type PropDef } from '../domain/model';

/**
 * Application records of the access layer, beside the graph and behind the same port: agency
 * profiles, local user accounts, sessions and the audit trail. Neo4j Community has no
 * role-based access control, so the application keeps all of it, on both engines.
 */

export { AGENCY_LEVELS };
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export interface AgencyProfile {
  id: string;
  name: string;
  province: string;
  level: AgencyLevel;
}

export const ROLES = ['INVESTIGATOR', 'TASK_FORCE_LEAD', 'PROSECUTOR', 'ANALYST', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export interface UserRecord {
  /** `user:` and the login name. */
  id: string;
  /** The login name. */
  name: string;
  agency: string;
  role: Role;
  /** Argon2id, PHC string format. */
  passwordHash: string;
  /** Set for a one-time password: the user must choose their own. */
  mustChange: boolean;
  createdAt: string;
  createdBy: string;
}

export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  /** '' while the session is live. */
  revokedAt: string;
}

/** One entry of the append-only, hash-chained audit trail (see auth/audit-chain.ts). */
export interface AuditRecord {
  /** 1, 2, 3, …: the record's position in the chain. */
  seq: number;
  /** UTC, ISO 8601. */
  at: string;
  userId: string;
  agency: string;
  /** `login`, `logout`, a mutation's field name, `user.add`, … */
  action: string;
  objectIds: string[];
  /** `ok`, or the error code that stopped it (`FORBIDDEN`, `BAD_INPUT`, `bad-password`, …). */
  outcome: string;
  requestId: string;
  /** Free text the action carries: a reveal's reason, a refusal's reason. */
  detail: string;
  prevHash: string;
  hash: string;
}

/**
 * The newest position of the audit chain, kept apart from the records and signed with the
 * server's secret (auth/audit-log.ts): a trail cut short at its end no longer reaches it.
 */
export interface AuditHead {
  /** The newest record's position. */
  seq: number;
  /** Its hash. */
  hash: string;
  /** HMAC-SHA256 of the position and hash under the server's secret, hex. */
  mac: string;
}

export interface AuditFilter {
  userId?: string;
  agency?: string;
  action?: string;
  from?: string;
  to?: string;
  /** Only records before this position (paging back from the newest). */
  beforeSeq?: number;
  limit: number;
}

/**
 * The stored properties of each record, one place for the Kuzu tables and the Cypher lint
 * schema. The audit record's id is its seq, zero-padded to 12 digits, so ids sort as the chain
 * runs and a second writer of the same position fails on the key.
 */
const s: PropDef = { type: 'string' };
const t: PropDef = { type: 'time' };
export const ACCOUNT_TABLES = {
  AgencyProfile: { id: s, name: s, province: s, level: s },
  User: { id: s, name: s, agency: s, role: s, passwordHash: s, mustChange: { type: 'boolean' }, createdAt: t, createdBy: s },
  Session: { id: s, userId: s, createdAt: t, expiresAt: t, revokedAt: s },
  AuditRecord: { id: s, at: t, userId: s, agency: s, action: s, objectIds: s, outcome: s, requestId: s, detail: s, prevHash: s, hash: s },
  // One row, id `head`; its seq is zero-padded like an audit record's id, so it compares as text.
  AuditHead: { id: s, seq: s, hash: s, mac: s },
} as const satisfies Record<string, Record<string, PropDef>>;

export const auditId = (seq: number) => String(seq).padStart(12, '0');

export interface AccountStore {
  putAgency(agency: AgencyProfile): Promise<void>;
  listAgencies(): Promise<AgencyProfile[]>;
  /** Creates a user; false (and nothing written) when the id is taken. */
  createUser(user: UserRecord): Promise<boolean>;
  getUser(id: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  setPassword(id: string, passwordHash: string, mustChange: boolean): Promise<boolean>;
  putSession(session: SessionRecord): Promise<void>;
  revokeSession(id: string, at: string): Promise<void>;
  /** Ids of sessions revoked before they expired, still unexpired at `now`. */
  revokedSessions(now: string): Promise<string[]>;
  /** Appends one record; throws when its position is taken (another writer got there first). */
  appendAudit(record: AuditRecord): Promise<void>;
  /** The newest audit record, or null for an empty trail. */
  lastAudit(): Promise<AuditRecord | null>;
  /** Moves the chain's signed head forward; a head at or past `head.seq` is left as it is. */
  putAuditHead(head: AuditHead): Promise<void>;
  /** The chain's signed head, or null before the first anchored append. */
  auditHead(): Promise<AuditHead | null>;
  /** Records with afterSeq < seq <= afterSeq + count, in chain order. */
  auditRange(afterSeq: number, count: number): Promise<AuditRecord[]>;
  /** Matching records, newest first. */
  searchAudit(filter: AuditFilter): Promise<AuditRecord[]>;
}

import type { LinkType } from '../domain/model';
import { linkIdentity } from './batch-check';
import type { CypherRunner, Row } from './runner';
import {
  memberId,
  type LinkRef,
  type MemberKind,
  type RecordSet,
  type Share,
  type ShareSelection,
  type TaskForce,
  type TaskForceMember,
  type TaskForceStore,
} from './task-forces';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function json<T>(text: unknown, fallback: T): T {
  try {
    return typeof text === 'string' && text.length > 0 ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** A link identity (`type|from|to|key`) back into its parts; the key may hold `|`. */
export function parseLinkIdentity(identity: string): LinkRef {
  const [type, from, to, ...key] = identity.split('|');
  return { type: type as LinkType, from: from ?? '', to: to ?? '', key: key.join('|') };
}

const toTaskForce = (r: Row): TaskForce => ({
  id: str(r.id),
  name: str(r.name),
  purpose: str(r.purpose),
  lead: str(r.lead),
  agency: str(r.agency),
  createdAt: str(r.createdAt),
});

const toMember = (r: Row): TaskForceMember => ({
  taskForceId: str(r.taskForceId),
  kind: str(r.kind) as MemberKind,
  member: str(r.member),
  addedAt: str(r.addedAt),
  addedBy: str(r.addedBy),
});

const toShare = (r: Row): Share => ({
  id: str(r.id),
  taskForceId: str(r.taskForceId),
  principal: str(r.principal),
  caseId: str(r.caseId),
  selection: json<ShareSelection>(r.selection, { hops: 0, linkTypes: [] }),
  agency: str(r.agency),
  sharedBy: str(r.sharedBy),
  sharedAt: str(r.sharedAt),
  records: { nodes: json<string[]>(r.nodeIds, []), links: json<string[]>(r.linkIds, []).map(parseLinkIdentity) },
  revokedAt: str(r.revokedAt),
  revokedBy: str(r.revokedBy),
});

/**
 * The TaskForceStore half of the port, over any engine that runs the queries in cypher/.
 * `granted` is told which records changed, so the store's in-memory graph follows.
 */
export class CypherTaskForces implements TaskForceStore {
  /**
   * Every membership, read once and dropped on each change made here: every request asks whose
   * task forces its user is in. Only for the embedded engine, which one process holds; with
   * Neo4j another server may change memberships, so each request reads them.
   */
  private memberCache: TaskForceMember[] | null = null;
  /** Counts membership changes: a read that overlapped one is not kept. */
  private memberVersion = 0;

  constructor(
    private readonly runner: CypherRunner,
    private readonly granted: (records: RecordSet) => Promise<void>,
  ) {}

  async createTaskForce(tf: TaskForce): Promise<TaskForce> {
    const [row] = await this.runner.writeQuery('task-force-create', { ...tf });
    if (!row) throw new Error(`task force ${tf.id} not readable after create`);
    return toTaskForce(row);
  }

  async getTaskForce(id: string): Promise<TaskForce | null> {
    const [row] = await this.runner.read('task-force-get', { id });
    return row ? toTaskForce(row) : null;
  }

  async listTaskForces(): Promise<TaskForce[]> {
    return (await this.runner.read('task-force-list', {})).map(toTaskForce);
  }

  async addMember(m: TaskForceMember): Promise<boolean> {
    this.membersChanged();
    try {
      const [row] = await this.runner.writeQuery('task-force-member-add', { ...m, id: memberId(m.taskForceId, m.kind, m.member) });
      return row?.created === true;
    } finally {
      this.membersChanged();
    }
  }

  async removeMember(taskForceId: string, kind: MemberKind, member: string): Promise<boolean> {
    this.membersChanged();
    try {
      return (await this.runner.writeQuery('task-force-member-remove', { id: memberId(taskForceId, kind, member) })).length > 0;
    } finally {
      this.membersChanged();
    }
  }

  private membersChanged(): void {
    this.memberCache = null;
    this.memberVersion++;
  }

  private async allMembers(): Promise<TaskForceMember[]> {
    if (this.memberCache) return this.memberCache;
    const version = this.memberVersion;
    const all = (await this.runner.read('task-force-members-all', {})).map(toMember);
    if (version === this.memberVersion) this.memberCache = all;
    return all;
  }

  async members(taskForceId: string): Promise<TaskForceMember[]> {
    return (await this.runner.read('task-force-members', { taskForceId })).map(toMember);
  }

  async memberships(userId: string, agencies: readonly string[]): Promise<string[]> {
    if (this.runner.kind === 'embedded') {
      const all = await this.allMembers();
      const ids = all.filter((m) => (m.kind === 'user' && m.member === userId) || (m.kind === 'agency' && agencies.includes(m.member))).map((m) => m.taskForceId);
      return [...new Set(ids)].sort();
    }
    const rows = await this.runner.read('task-force-memberships', { userId, agencies: [...agencies] });
    return rows.map((r) => str(r.taskForceId)).sort();
  }

  async createShare(share: Share): Promise<Share> {
    await this.runner.writeQuery('share-create', {
      id: share.id,
      taskForceId: share.taskForceId,
      principal: share.principal,
      caseId: share.caseId,
      selection: JSON.stringify(share.selection),
      agency: share.agency,
      sharedBy: share.sharedBy,
      sharedAt: share.sharedAt,
      nodeIds: JSON.stringify(share.records.nodes),
      linkIds: JSON.stringify(share.records.links.map(linkIdentity)),
    });
    await this.runner.setGrant(share.principal, share.records, true);
    await this.granted(share.records);
    return { ...share, revokedAt: '', revokedBy: '' };
  }

  async getShare(id: string): Promise<Share | null> {
    const [row] = await this.runner.read('share-get', { id });
    return row ? toShare(row) : null;
  }

  async listShares(filter: { taskForceId?: string; principal?: string }): Promise<Share[]> {
    return (await this.runner.read('share-list', { taskForceId: filter.taskForceId ?? '', principal: filter.principal ?? '' })).map(toShare);
  }

  async revokeShare(id: string, by: string, at: string): Promise<Share | null> {
    const share = await this.getShare(id);
    if (!share || share.revokedAt !== '') return null;
    // What other active shares of the same principal still name keeps its grant. The grant goes
    // before the share is marked: a failure between leaves the share listed, never its records seen.
    const others = (await this.listShares({ principal: share.principal })).filter((s) => s.revokedAt === '' && s.id !== id);
    const keptNodes = new Set(others.flatMap((s) => s.records.nodes));
    const keptLinks = new Set(others.flatMap((s) => s.records.links.map(linkIdentity)));
    const withdrawn: RecordSet = {
      nodes: share.records.nodes.filter((n) => !keptNodes.has(n)),
      links: share.records.links.filter((l) => !keptLinks.has(linkIdentity(l))),
    };
    await this.runner.setGrant(share.principal, withdrawn, false);
    await this.granted(withdrawn);
    if ((await this.runner.writeQuery('share-revoke', { id, by, at })).length === 0) return null;
    return { ...share, revokedAt: at, revokedBy: by };
  }
}

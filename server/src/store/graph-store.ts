import type {
  Batch,
  CaseIncidence,
  IncidenceOptions,
  CaseFilter,
  CasePage,
  GangView,
  GraphLink,
  GraphNode,
  LinkedCase,
  Neighborhood,
  NeighborhoodOptions,
  PathOptions,
  PathsResult,
  SearchHit,
  SearchOptions,
  SourceRecord,
  Stats,
  StatsFilter,
  StoreCounts,
  Subgraph,
  TransfersOptions,
  UpsertResult,
  Viewer,
} from '../domain/types';
import type { GangContactRecords } from '../domain/early-warning';
import type { AccessRequestStore } from './access-requests';
import type { AccountStore } from './accounts';
import type { InvestigationStore } from './investigations';
import type { JudgementStore } from './judgements';
import type { SheetMappingStore } from './sheet-mappings';
import type { RecordSet, TaskForceStore } from './task-forces';

/** Bounds the port itself enforces, whatever a caller asks; the API clamps to the same numbers. */
export const STORE_LIMITS = {
  maxHops: 4,
  maxPathHops: 8,
  maxPaths: 20,
  maxLimit: 5000,
  maxTransferDepth: 8,
} as const;

/**
 * The one door to the graph, in the domain's words. Every read takes a Viewer and returns
 * only what that viewer may see: nodes owned by one of its agencies, links owned by one of
 * them (and only between visible nodes); counts, truncation figures and paths are computed
 * over that visible graph alone, so nothing about other agencies' records leaks. Application
 * records (saved investigations, investigations.ts; judgements on case links, judgements.ts;
 * saved sheet mappings, sheet-mappings.ts) live behind the same port.
 */
export interface GraphStore extends InvestigationStore, JudgementStore, SheetMappingStore {
  readonly kind: 'embedded' | 'neo4j';

  /** The access layer's records: agencies, users, sessions, the audit trail (accounts.ts). */
  readonly accounts: AccountStore;

  /** Task forces, their members and the shares into them (task-forces.ts). */
  readonly taskForces: TaskForceStore;

  /**
   * Grants the records to a principal (visibility.ts: `taskForcePrincipal(id)`,
   * `agencyPrincipal(agency)`, `NATIONAL`): from the next read on, every viewer holding that
   * principal sees them. Only the token is added; owners and other grants stay. Unknown ids are
   * skipped. A share (taskForces.createShare) does this and records why, so it can be revoked.
   */
  grantRecords(principal: string, records: RecordSet): Promise<void>;

  /** Withdraws the principal's grant from the records (the reverse of grantRecords). */
  withdrawRecords(principal: string, records: RecordSet): Promise<void>;

  /** Requests for another agency's records after a deconfliction hit (access-requests.ts). */
  readonly accessRequests: AccessRequestStore;

  /** Creates tables, constraints and indexes if missing. Idempotent. */
  applySchema(): Promise<void>;

  /**
   * Writes one batch in one transaction: nodes merge by id (owners gain the batch's agency,
   * given properties overwrite, absent ones stay), links merge by (type, from, to, key),
   * sources by id. Throws BatchError and writes nothing when a link's end is unknown or a
   * link joins labels the model does not allow.
   */
  upsert(batch: Batch, by: string): Promise<UpsertResult>;

  /** The visible nodes among `ids`, in the order asked; unknown or invisible ids are left out. */
  getNodes(viewer: Viewer, ids: string[]): Promise<GraphNode[]>;

  /** The visible nodes among `ids` and every visible link among them. */
  subgraph(viewer: Viewer, ids: string[]): Promise<Subgraph>;

  /**
   * Finds nodes by name, case number, phone number (any common spelling), card number or its
   * last digits, online handle, or id.
   */
  search(viewer: Viewer, text: string, options: SearchOptions): Promise<SearchHit[]>;

  /**
   * Everything within `hops` of the seeds through visible nodes and links, nearest first.
   * What `limit` cuts is reported in `truncated` and `beyond`, never dropped silently.
   */
  neighborhood(viewer: Viewer, ids: string[], options: NeighborhoodOptions): Promise<Neighborhood>;

  /**
   * The persons among `personIds` who are victims in a case the viewer sees, through a VICTIM_IN
   * link the viewer sees, in the order asked: whose names the API masks for roles that may not
   * see victims' details. Exact: one lookup for the whole list, nothing cut.
   */
  victims(viewer: Viewer, personIds: string[]): Promise<string[]>;

  /** Up to k shortest paths (fewest links) between two nodes through visible records. */
  shortestPaths(viewer: Viewer, from: string, to: string, options: PathOptions): Promise<PathsResult>;

  /** Cases that share an identifier (card, phone, account, device) with the given case. */
  linkedCases(viewer: Viewer, caseId: string): Promise<LinkedCase[]>;

  /**
   * What case linkage computes on (domain/linkage.ts, case-series.ts): for the visible cases
   * among `caseIds` (every visible case when absent), their category, report time and place, and
   * the identifiers they INVOLVE and the persons SUSPECT_IN them, through visible links; for each
   * of those, how many visible cases it touches, and which when at most `casesPerIdentifier`
   * (a hub's thousands of cases are counted, not listed). `sharedOnly` leaves out identifiers
   * only one case touches (they link nothing; cases still list them).
   */
  caseIncidence(viewer: Viewer, options: IncidenceOptions): Promise<CaseIncidence>;

  /**
   * The TRANSFERRED links a money trail walks: out of `cardIds`, then out of the cards they
   * reached, up to `depth` layers, each no earlier than `after`. Time order along a trail is
   * the domain's job; this returns the raw links.
   */
  transfersFrom(viewer: Viewer, cardIds: string[], options: TransfersOptions): Promise<GraphLink[]>;

  /**
   * Every visible TRANSFERRED link into or out of these cards at or after `after`: one layer of
   * a money trail together with the other money that met it on those cards, which the domain
   * needs to tell the victim's money from the rest (money-trail.ts).
   */
  transfersAt(viewer: Viewer, cardIds: string[], options: { after?: string }): Promise<GraphLink[]>;

  /** A gang with its members, their layers and who reports to whom; null when not visible. */
  gang(viewer: Viewer, gangId: string): Promise<GangView | null>;

  /** Counts and sums of loss, stopped and returned money, by category, channel, province, status, month. */
  stats(viewer: Viewer, filter: StatsFilter): Promise<Stats>;

  /**
   * The visible cases behind a figure of `stats`: those matching the filter (and having what
   * `having` names), newest report first, one page of them with the total.
   */
  cases(viewer: Viewer, filter: CaseFilter, page: { limit: number; offset: number }): Promise<CasePage>;

  /**
   * What early warning ranks: the phones and accounts of one gang (its members' and those of
   * cases its members are suspects in) or of every gang (`null`: also every case's, and phones
   * nobody uses that called several numbers), the calls and messages out of them, and who uses
   * what they reached with their roles.
   */
  gangContacts(viewer: Viewer, gangId: string | null): Promise<GangContactRecords>;

  /** The visible sources among `ids`. */
  getSources(viewer: Viewer, ids: string[]): Promise<SourceRecord[]>;

  /** Unfiltered totals, for health checks and the importer's summary. */
  counts(): Promise<StoreCounts>;

  /**
   * Resolves once reads run at full speed (the embedded store has loaded its in-memory graph);
   * reads before then are answered, only slower.
   */
  ready(): Promise<void>;

  close(): Promise<void>;
}

/** A batch that cannot be written; nothing of it was. `index` is the record's place in the batch. */
export class BatchError extends Error {
  constructor(
    message: string,
    readonly kind: 'node' | 'link' | 'source',
    readonly index: number,
  ) {
    super(message);
    this.name = 'BatchError';
  }
}

/** The embedded database is open in another process (a running server, usually). */
export class StoreLockedError extends Error {
  constructor(readonly path: string) {
    super(
      `The embedded database at ${path} is in use by another process (is \`npm start\` running?). ` +
        'Stop it, or import through the running server, then try again.',
    );
    this.name = 'StoreLockedError';
  }
}

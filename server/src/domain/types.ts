import type { Label, LinkType, SourceType } from './model';

/** Property values as the domain sees them: money and counts are numbers (fen), times ISO strings. */
export type PropValue = string | number | boolean | string[] | null;
export type Props = Record<string, PropValue>;

export interface GraphNode {
  id: string;
  label: Label;
  owners: string[];
  /**
   * Who else may see it (visibility.ts): task forces it was shared into, agencies granted
   * access, national sharing. Absent when none; the API never shows it.
   */
  grants?: string[];
  props: Props;
  createdAt: string;
  updatedAt: string;
}

export interface GraphLink {
  type: LinkType;
  from: string;
  to: string;
  /** Tells apart links of one type between the same two nodes; '' when there is only one. */
  key: string;
  owner: string;
  owners: string[];
  /** Who else may see it, as on GraphNode; absent when none. */
  grants?: string[];
  sources: string[];
  props: Props;
  createdAt: string;
  createdBy: string;
}

export interface SourceRecord {
  id: string;
  type: SourceType;
  reference: string;
  sha256: string | null;
  collectedAt: string | null;
  collectedBy: string | null;
  owner: string;
}

/** What one agency writes in one transaction. */
export interface Batch {
  nodes: NodeInput[];
  links: LinkInput[];
  sources: SourceRecord[];
}

export interface NodeInput {
  id: string;
  label: Label;
  owner: string;
  props: Props;
}

export interface LinkInput {
  type: LinkType;
  from: string;
  to: string;
  key: string;
  owner: string;
  sources: string[];
  props: Props;
}

export interface UpsertResult {
  nodesCreated: number;
  nodesUpdated: number;
  linksCreated: number;
  linksUpdated: number;
  sourcesCreated: number;
}

/**
 * Who is asking. Every read returns only records owned by one of `agencies` (a link by its
 * owner, a node by any of its owners); counts included. The access issue widens this with
 * task-force shares; the store only ever sees the resulting agency list.
 */
export interface Viewer {
  agencies: string[];
  userId: string;
  /**
   * Principals beyond the agencies that the viewer sees records under: the task forces it
   * belongs to (`~tf:…`, visibility.ts). National sharing and grants to its agencies are implied.
   */
  grants?: string[];
  /** Agencies the viewer's agency supervises (auth/supervision.ts): their records are visible, not owned. */
  oversees?: readonly string[];
  /** Sees only what its agencies own: no grants, no supervision, no national sharing (what a share may hand on). */
  ownedOnly?: boolean;
}

export interface Subgraph {
  nodes: GraphNode[];
  links: GraphLink[];
}

export interface TimeWindow {
  from?: string;
  to?: string;
}

export interface NeighborhoodOptions extends TimeWindow {
  hops: number;
  labels?: Label[];
  linkTypes?: LinkType[];
  limit: number;
}

export interface Neighborhood extends Subgraph {
  /** True when nodes within reach were left out to stay within `limit`. */
  truncated: boolean;
  /** How many more nodes of each label lie within reach but were left out. */
  beyond: Partial<Record<Label, number>>;
}

export interface PathOptions {
  maxHops: number;
  linkTypes?: LinkType[];
  k: number;
}

export interface GraphPath {
  nodes: string[];
  links: GraphLink[];
}

export interface PathsResult extends Subgraph {
  paths: GraphPath[];
}

export interface SharedIdentifier {
  id: string;
  label: Label;
}

export interface LinkedCase {
  caseId: string;
  shared: SharedIdentifier[];
}

export interface SearchOptions {
  labels?: Label[];
  limit: number;
}

export interface SearchHit {
  node: GraphNode;
  /** Which normalised form matched: 'phone', 'card-suffix', 'caseNo', 'name', 'handle', 'id'. */
  matchedBy: string;
}

export interface TransfersOptions {
  /** Only transfers at or after this time. */
  after?: string;
  depth: number;
}

export interface GangMember {
  person: GraphNode;
  layer: string | null;
  since: string | null;
}

export interface GangView {
  gang: GraphNode;
  members: GangMember[];
  reportsTo: { from: string; to: string }[];
}

export interface StatsFilter extends TimeWindow {
  province?: string;
  category?: string;
}

export interface StatsBucket {
  key: string;
  cases: number;
  loss: number;
  stopped: number;
  returned: number;
}

export interface Stats {
  totals: { nodes: Partial<Record<Label, number>>; links: Partial<Record<LinkType, number>>; sources: number };
  cases: StatsBucket;
  /** People who are suspects in the cases counted. */
  suspects: number;
  /** Bank accounts frozen inside the window (province and category do not apply), and the money on them (fen). */
  frozen: { cards: number; amount: number };
  byCategory: StatsBucket[];
  byChannel: StatsBucket[];
  byProvince: StatsBucket[];
  byStatus: StatsBucket[];
  byMonth: StatsBucket[];
}

/** What a case must have to be behind a figure of the report, besides matching the filter. */
export const CASE_FIGURES = ['SUSPECT', 'LOSS', 'STOPPED', 'RETURNED', 'FROZEN_CARD'] as const;
export type CaseFigure = (typeof CASE_FIGURES)[number];

export interface CaseFilter extends StatsFilter {
  channel?: string;
  status?: string;
  having?: CaseFigure;
}

export interface CasePage {
  /** How many cases match in all. */
  total: number;
  /** The page asked for, newest report first (cases with no report time last), then by id. */
  cases: GraphNode[];
}

export interface StoreCounts {
  nodes: number;
  links: number;
  sources: number;
}

/** What case linkage weighs of one case: its kind, time and place, and what it involves. */
export interface CaseFacts {
  id: string;
  category: string | null;
  reportedAt: string | null;
  city: string | null;
  district: string | null;
  /**
   * Ids of the identifiers it INVOLVES (card, phone, account, device) and of the persons who are
   * SUSPECT_IN it, each once, sorted.
   */
  identifiers: string[];
}

/** An identifier (or suspect) with the cases it touches. */
export interface IdentifierUse {
  id: string;
  label: Label;
  /** How many visible cases involve it (or have it as a suspect), exactly. */
  caseCount: number;
  /** Those cases' ids, sorted, when there are at most the `casesPerIdentifier` asked for; else empty. */
  cases: string[];
}

export interface IncidenceOptions {
  /** The cases to read; every visible case when absent. */
  caseIds?: string[];
  /** Identifiers touching more cases than this are counted, their cases not listed. */
  casesPerIdentifier: number;
  /** Leave out identifiers only one case touches. */
  sharedOnly?: boolean;
}

/** Which cases involve which identifiers and suspects: what case linkage computes on. */
export interface CaseIncidence {
  /** The cases asked for (every visible case when none were named), sorted by id. */
  cases: CaseFacts[];
  /** Every identifier or suspect of those cases, sorted by id. */
  identifiers: IdentifierUse[];
}

export const LINK_VERDICTS = ['CONFIRMED', 'REJECTED'] as const;
export type LinkVerdict = (typeof LINK_VERDICTS)[number];

/** An investigator's word on whether two cases are linked, kept with who, when and why. */
export interface CaseLinkJudgement {
  /** `judgement:` and a random UUID. */
  id: string;
  /** The pair, in id order (caseA < caseB). */
  caseA: string;
  caseB: string;
  verdict: LinkVerdict;
  reason: string;
  judgedBy: string;
  /** ISO time, UTC. */
  judgedAt: string;
  /** The judge's agencies: their members' scores follow this judgement. */
  agencies: string[];
}

import { LABEL_NAMES, LINK_TYPE_NAMES, type Label, type LinkType } from '../domain/model';
import { normalizeTime, searchTerms } from '../domain/normalize';
import type {
  Batch,
  CaseIncidence,
  CaseLinkJudgement,
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
  TimeWindow,
  TransfersOptions,
  UpsertResult,
  Viewer,
} from '../domain/types';
import { checkBatch, linkIdentity } from './batch-check';
import type { CacheKeeper } from './cache/cache-keeper';
import { cachedLinkedCases, cachedNeighborhood, cachedNodes, cachedPaths, cachedSubgraph, cachedTransfersAt, cachedTransfersOut, cachedVictims } from './cache/cached-reads';
import { cachedIncidence } from './cache/cached-incidence';
import type { AccessRequestStore } from './access-requests';
import { cachedSearch } from './cache/cached-search';
import type { AccountStore } from './accounts';
import { CypherAccessRequests } from './cypher-access-requests';
import { CypherAccounts } from './cypher-accounts';
import { CypherInvestigations } from './cypher-investigations';
import { CypherTaskForces } from './cypher-task-forces';
import type { RecordSet, TaskForceStore } from './task-forces';
import { readGangContacts } from './gang-contacts';
import { cachedGangContacts } from './cache/cached-gang-contacts';
import { matchingCases } from './case-list';
import type { GangContactRecords } from '../domain/early-warning';
import { CypherJudgements } from './cypher-judgements';
import { incidenceFrom } from '../domain/incidence';
import type { JudgementDraft } from './judgements';
import { CypherSheetMappings } from './cypher-sheet-mappings';
import { STORE_LIMITS, type GraphStore } from './graph-store';
import { hopLink } from './path-links';
import type { Investigation, InvestigationDraft, InvestigationSummary } from './investigations';
import type { SheetMapping } from '../sheets/mappings';
import type { SavedSheetMapping } from './sheet-mappings';
import { num, toLink, toNode, toPathLinks, toSource } from './mapping';
import type { CypherRunner, Row } from './runner';
import { statsFromRows } from './stats';
import { viewerParams, visibleTo } from './visibility';

const EARLIEST = '0000-01-01T00:00:00.000Z';
const LATEST = '9999-12-31T23:59:59.999Z';
/** Below this many ids, one index lookup each beats one join over the whole node table (Kuzu). */
const FEW_IDS = 8;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.trunc(value)));

function window(w: TimeWindow): { from: string; to: string } {
  return { from: w.from ? normalizeTime(w.from) : EARLIEST, to: w.to ? normalizeTime(w.to) : LATEST };
}

/** How many node labels the store remembers (about 100 bytes each). */
const LABEL_CACHE_SIZE = 1_000_000;

/** The GraphStore port over any engine that runs the queries in cypher/. */
export class CypherGraphStore implements GraphStore {
  /**
   * Labels of nodes known to be stored. A node keeps its label for life and nodes are never
   * deleted, so an entry cannot go stale; it spares the importer a lookup per link end.
   */
  private readonly labels = new Map<string, Label>();

  private readonly investigations: CypherInvestigations;
  private readonly judgements: CypherJudgements;

  private readonly sheetMappings: CypherSheetMappings;

  /**
   * `cache`: the whole graph in memory, for an engine whose traversals are too slow (the
   * embedded one); reads that walk the graph use it while it is current.
   */
  constructor(
    private readonly runner: CypherRunner,
    private readonly cache?: CacheKeeper,
  ) {
    this.investigations = new CypherInvestigations(runner);
    this.judgements = new CypherJudgements(runner, runner.kind === 'embedded');
    this.sheetMappings = new CypherSheetMappings(runner);
    this.accounts = new CypherAccounts(runner);
    this.taskForces = new CypherTaskForces(runner, (records) => this.afterGrant(records));
    this.accessRequests = new CypherAccessRequests(runner);
  }

  /** Task forces, their members and the shares into them (task-forces.ts). */
  readonly taskForces: TaskForceStore;

  async grantRecords(principal: string, records: RecordSet): Promise<void> {
    await this.runner.setGrant(principal, records, true);
    await this.afterGrant(records);
  }

  async withdrawRecords(principal: string, records: RecordSet): Promise<void> {
    await this.runner.setGrant(principal, records, false);
    await this.afterGrant(records);
  }

  /** The in-memory graph takes the records' new owners strings before the next read. */
  private async afterGrant(records: RecordSet): Promise<void> {
    await this.cache?.afterWrite({ nodes: records.nodes.map((id) => ({ id })), links: records.links });
  }

  /** Agencies, users, sessions and the audit trail (accounts.ts). */
  readonly accounts: AccountStore;

  /** Requests for another agency's records after a deconfliction hit (access-requests.ts). */
  readonly accessRequests: AccessRequestStore;

  /** Resolves once reads run at full speed: the cache, if any, is loaded. */
  async ready(): Promise<void> {
    await this.cache?.ready();
  }

  get kind() {
    return this.runner.kind;
  }

  applySchema(): Promise<void> {
    return this.runner.applySchema();
  }

  async upsert(batch: Batch, by: string): Promise<UpsertResult> {
    const checked = await checkBatch(batch, (ids) => this.lookupLabels(ids));
    const result = await this.runner.write(checked, by, new Date().toISOString());
    this.remember(checked.labels);
    await this.cache?.afterWrite(checked);
    return result;
  }

  async getNodes(viewer: Viewer, ids: string[]): Promise<GraphNode[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0 || viewer.agencies.length === 0) return [];
    const cache = this.cache?.current();
    if (cache) return cachedNodes(cache, viewer, unique);
    const vp = viewerParams(viewer);
    const rows: Row[] = [];
    if (unique.length <= FEW_IDS) {
      for (const id of unique) rows.push(...(await this.runner.read('get-node', { ...vp, id })));
    } else {
      rows.push(...(await this.runner.read('get-nodes', { ...vp, ids: unique })));
    }
    const byId = new Map(rows.map((r) => [(r.n as { id: string }).id, toNode(r.n)]));
    return unique.flatMap((id) => byId.get(id) ?? []);
  }

  async subgraph(viewer: Viewer, ids: string[]): Promise<Subgraph> {
    const cache = viewer.agencies.length > 0 ? this.cache?.current() : null;
    if (cache) return cachedSubgraph(cache, viewer, ids, LINK_TYPE_NAMES);
    const nodes = await this.getNodes(viewer, ids);
    const links = await this.linksAmong(viewer, nodes.map((n) => n.id), LINK_TYPE_NAMES, {});
    return { nodes, links };
  }

  async search(viewer: Viewer, text: string, options: SearchOptions): Promise<SearchHit[]> {
    const terms = searchTerms(text);
    if (terms.text.length === 0 || viewer.agencies.length === 0) return [];
    const cache = this.cache?.current();
    if (cache) return cachedSearch(cache, viewer, terms, options.labels?.length ? options.labels : LABEL_NAMES, clamp(options.limit, 1, STORE_LIMITS.maxLimit));
    const rows = await this.runner.read('search', {
      ...viewerParams(viewer),
      labels: options.labels?.length ? options.labels : LABEL_NAMES,
      text: terms.text,
      phone: terms.phone ?? '',
      digits: terms.digits ?? '',
      limit: clamp(options.limit, 1, STORE_LIMITS.maxLimit),
    });
    return rows.map((r) => ({ node: toNode(r.n), matchedBy: r.matchedBy as string }));
  }

  async neighborhood(viewer: Viewer, ids: string[], options: NeighborhoodOptions): Promise<Neighborhood> {
    const hops = clamp(options.hops, 1, STORE_LIMITS.maxHops);
    const limit = clamp(options.limit, 0, STORE_LIMITS.maxLimit);
    const linkTypes = options.linkTypes?.length ? options.linkTypes : LINK_TYPE_NAMES;
    const labels = new Set<Label>(options.labels?.length ? options.labels : LABEL_NAMES);
    const cache = viewer.agencies.length > 0 ? this.cache?.current() : null;
    if (cache) return cachedNeighborhood(cache, viewer, ids, { hops, limit, labels, linkTypes, window: window(options) });
    const params = { ...viewerParams(viewer), ...window(options), linkTypes };
    const seeds = await this.getNodes(viewer, ids);
    const visible = visibleTo(viewer);
    const seedIds = new Set(seeds.map((s) => s.id));
    const reached = new Map<string, { node: GraphNode; dist: number }>();
    for (const seed of seeds) {
      for (const row of await this.runner.read('reach', { ...params, id: seed.id }, { hops })) {
        const node = toNode(row.n);
        const dist = num(row.dist);
        const known = reached.get(node.id);
        if (!visible(node) || !labels.has(node.label) || seedIds.has(node.id)) continue;
        if (!known || dist < known.dist) reached.set(node.id, { node, dist });
      }
    }
    const nearest = [...reached.values()].sort((a, b) => a.dist - b.dist || a.node.id.localeCompare(b.node.id));
    const kept = nearest.slice(0, limit).map((r) => r.node);
    const beyond: Partial<Record<Label, number>> = {};
    for (const { node } of nearest.slice(limit)) beyond[node.label] = (beyond[node.label] ?? 0) + 1;
    const nodes = [...seeds, ...kept];
    const links = await this.linksAmong(viewer, nodes.map((n) => n.id), linkTypes, options);
    return { nodes, links, truncated: nearest.length > limit, beyond };
  }

  async victims(viewer: Viewer, personIds: string[]): Promise<string[]> {
    const ids = [...new Set(personIds)];
    if (ids.length === 0 || viewer.agencies.length === 0) return [];
    const cache = this.cache?.current();
    if (cache) return cachedVictims(cache, viewer, ids);
    const found = new Set((await this.runner.read('victims', { ...viewerParams(viewer), ids })).map((r) => r.id as string));
    return ids.filter((id) => found.has(id));
  }

  async shortestPaths(viewer: Viewer, from: string, to: string, options: PathOptions): Promise<PathsResult> {
    if (from === to || viewer.agencies.length === 0) return { nodes: [], links: [], paths: [] };
    const cache = this.cache?.current();
    if (cache) {
      const linkTypes = options.linkTypes?.length ? options.linkTypes : LINK_TYPE_NAMES;
      return cachedPaths(cache, viewer, from, to, { maxHops: clamp(options.maxHops, 1, STORE_LIMITS.maxPathHops), k: clamp(options.k, 1, STORE_LIMITS.maxPaths), linkTypes });
    }
    const rows = await this.runner.read(
      'paths',
      {
        ...viewerParams(viewer),
        from,
        to,
        linkTypes: options.linkTypes?.length ? options.linkTypes : LINK_TYPE_NAMES,
        // Routes through nodes the viewer may not see are dropped below, so ask for more.
        k: clamp(options.k, 1, STORE_LIMITS.maxPaths) * 4,
      },
      { maxHops: clamp(options.maxHops, 1, STORE_LIMITS.maxPathHops) },
    );
    // Parallel links (two transfers between the same cards) make paths that differ only in the
    // link taken: one route is kept per sequence of nodes, and every link of it shows in `links`.
    const routes = new Map<string, { nodes: GraphNode[]; links: GraphLink[] }>();
    const visible = visibleTo(viewer);
    for (const row of rows) {
      const pathNodes = (row.pathNodes as unknown[]).map(toNode);
      if (!pathNodes.every(visible)) continue;
      const key = pathNodes.map((n) => n.id).join('>');
      const route = routes.get(key) ?? { nodes: pathNodes, links: [] };
      route.links.push(...toPathLinks(row.pathNodes as unknown[], row.pathRels as unknown[]));
      routes.set(key, route);
    }
    const kept = [...routes.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .slice(0, clamp(options.k, 1, STORE_LIMITS.maxPaths))
      .map(([, route]) => route);
    const nodes = new Map(kept.flatMap((r) => r.nodes.map((n) => [n.id, n] as const)));
    const links = new Map(kept.flatMap((r) => r.links.map((l) => [linkIdentity(l), l] as const)));
    const paths = kept.map((r) => ({
      nodes: r.nodes.map((n) => n.id),
      links: r.nodes.slice(1).map((n, i) => {
        const prev = r.nodes[i]!.id;
        return hopLink(r.links.filter((l) => (l.from === prev && l.to === n.id) || (l.to === prev && l.from === n.id)), prev);
      }),
    }));
    return { nodes: [...nodes.values()], links: [...links.values()], paths };
  }

  async linkedCases(viewer: Viewer, caseId: string): Promise<LinkedCase[]> {
    if (viewer.agencies.length === 0) return [];
    const cache = this.cache?.current();
    if (cache) return cachedLinkedCases(cache, viewer, caseId);
    const rows = await this.runner.read('linked-cases', { ...viewerParams(viewer), caseId });
    const byCase = new Map<string, LinkedCase>();
    for (const row of rows) {
      const id = row.caseId as string;
      const entry = byCase.get(id) ?? { caseId: id, shared: [] };
      entry.shared.push({ id: row.sharedId as string, label: row.sharedLabel as Label });
      byCase.set(id, entry);
    }
    return [...byCase.values()];
  }

  async caseIncidence(viewer: Viewer, options: IncidenceOptions): Promise<CaseIncidence> {
    const caseIds = options.caseIds ? [...new Set(options.caseIds)] : null;
    if (viewer.agencies.length === 0 || caseIds?.length === 0) return { cases: [], identifiers: [] };
    const cache = this.cache?.current();
    if (cache) return cachedIncidence(cache, viewer, caseIds, options);
    const vp = viewerParams(viewer);
    const suffix = caseIds ? '' : '-all';
    const params = caseIds ? { ...vp, ids: caseIds } : vp;
    const facts = (await this.runner.read(`case-facts${suffix}`, params)).map((r) => ({
      id: r.id as string,
      category: (r.category as string) ?? null,
      reportedAt: (r.reportedAt as string) ?? null,
      city: (r.city as string) ?? null,
      district: (r.district as string) ?? null,
    }));
    const rows = (await this.runner.read(`case-incidence${suffix}`, params)).map((r) => ({ caseId: r.caseId as string, id: r.id as string, label: r.label as Label }));
    if (!caseIds) return incidenceFrom(facts, rows, options);
    const identifiers = [...new Set(rows.map((r) => r.id))];
    const reach = identifiers.length === 0 ? [] : await this.runner.read('identifier-cases', { ...vp, ids: identifiers });
    return incidenceFrom(facts, rows, { ...options, reach: reach.map((r) => ({ id: r.id as string, caseId: r.caseId as string })) });
  }

  async transfersFrom(viewer: Viewer, cardIds: string[], options: TransfersOptions): Promise<GraphLink[]> {
    if (viewer.agencies.length === 0) return [];
    const vp = viewerParams(viewer);
    const after = options.after ? normalizeTime(options.after) : EARLIEST;
    const depth = clamp(options.depth, 1, STORE_LIMITS.maxTransferDepth);
    const expanded = new Set<string>();
    const links = new Map<string, GraphLink>();
    let frontier = [...new Set(cardIds)];
    for (let layer = 0; layer < depth && frontier.length > 0; layer++) {
      frontier.forEach((id) => expanded.add(id));
      const cache = this.cache?.current();
      const layerLinks = cache
        ? cachedTransfersOut(cache, viewer, frontier, after)
        : (await this.runner.read('transfers-from', { ...vp, ids: frontier, after })).map((row) => toLink(row.r, row.from as string, row.to as string));
      const next = new Set<string>();
      for (const link of layerLinks) {
        links.set(linkIdentity(link), link);
        if (!expanded.has(link.to)) next.add(link.to);
      }
      frontier = [...next];
    }
    return [...links.values()].sort((a, b) => String(a.props.at).localeCompare(String(b.props.at)) || a.key.localeCompare(b.key));
  }

  async transfersAt(viewer: Viewer, cardIds: string[], options: { after?: string }): Promise<GraphLink[]> {
    if (viewer.agencies.length === 0 || cardIds.length === 0) return [];
    const after = options.after ? normalizeTime(options.after) : EARLIEST;
    const ids = [...new Set(cardIds)];
    const cache = this.cache?.current();
    let found: GraphLink[];
    if (cache) found = cachedTransfersAt(cache, viewer, ids, after);
    else {
      const params = { ...viewerParams(viewer), ids, after };
      const rows = [...(await this.runner.read('transfers-from', params)), ...(await this.runner.read('transfers-into', params))];
      found = rows.map((row) => toLink(row.r, row.from as string, row.to as string));
    }
    const links = new Map(found.map((l) => [linkIdentity(l), l]));
    return [...links.values()].sort((a, b) => String(a.props.at).localeCompare(String(b.props.at)) || a.key.localeCompare(b.key));
  }

  async gang(viewer: Viewer, gangId: string): Promise<GangView | null> {
    if (viewer.agencies.length === 0) return null;
    const vp = viewerParams(viewer);
    const [gangRow] = await this.runner.read('gang', { ...vp, gangId });
    if (!gangRow) return null;
    const members = await this.runner.read('gang-members', { ...vp, gangId });
    const reports = await this.runner.read('gang-reports', { ...vp, gangId });
    return {
      gang: toNode(gangRow.n),
      members: members.map((m) => ({
        person: toNode(m.n),
        layer: (m.layer as string) ?? null,
        since: (m.since as string) ?? null,
      })),
      reportsTo: reports.map((r) => ({ from: r.from as string, to: r.to as string })),
    };
  }

  async stats(viewer: Viewer, filter: StatsFilter): Promise<Stats> {
    const vp = viewerParams(viewer);
    const none = viewer.agencies.length === 0;
    const read = (name: string, params: Record<string, unknown>) => (none ? Promise.resolve([]) : this.runner.read(name, params));
    const caseFilter = { ...vp, ...window(filter), province: filter.province ?? '', category: filter.category ?? '' };
    const cases = await read('stats-cases', caseFilter);
    const [suspects] = await read('stats-suspects', caseFilter);
    const [frozen] = await read('stats-frozen', { ...vp, ...window(filter) });
    const nodes = await read('stats-nodes', vp);
    const links = await read('stats-links', vp);
    const [sources] = await read('stats-sources', vp);
    return statsFromRows({ cases, nodes, links, sources: num(sources?.count), suspects, frozen });
  }

  async cases(viewer: Viewer, filter: CaseFilter, page: { limit: number; offset: number }): Promise<CasePage> {
    if (viewer.agencies.length === 0) return { total: 0, cases: [] };
    const ids = await matchingCases(this.runner, viewer, { ...filter, ...window(filter) });
    const start = clamp(page.offset, 0, Number.MAX_SAFE_INTEGER);
    return { total: ids.length, cases: await this.getNodes(viewer, ids.slice(start, start + clamp(page.limit, 0, STORE_LIMITS.maxLimit))) };
  }

  async gangContacts(viewer: Viewer, gangId: string | null): Promise<GangContactRecords> {
    const cache = viewer.agencies.length > 0 ? this.cache?.current() : null;
    if (cache) return cachedGangContacts(cache, viewer, gangId);
    return readGangContacts(this.runner, viewer, gangId);
  }

  async getSources(viewer: Viewer, ids: string[]): Promise<SourceRecord[]> {
    if (ids.length === 0 || viewer.agencies.length === 0) return [];
    const rows = await this.runner.read('get-sources', { ...viewerParams(viewer), ids: [...new Set(ids)] });
    return rows.map((r) => toSource(r.s));
  }

  async counts(): Promise<StoreCounts> {
    const one = async (name: string) => num((await this.runner.read(name, {}))[0]?.count);
    return { nodes: await one('count-nodes'), links: await one('count-links'), sources: await one('count-sources') };
  }

  saveInvestigation(viewer: Viewer, draft: InvestigationDraft): Promise<Investigation> {
    return this.investigations.saveInvestigation(viewer, draft);
  }

  getInvestigation(viewer: Viewer, id: string): Promise<Investigation | null> {
    return this.investigations.getInvestigation(viewer, id);
  }

  listInvestigations(viewer: Viewer, options: { limit: number }): Promise<InvestigationSummary[]> {
    return this.investigations.listInvestigations(viewer, options);
  }

  deleteInvestigation(viewer: Viewer, id: string): Promise<boolean> {
    return this.investigations.deleteInvestigation(viewer, id);
  }

  judgeCaseLink(viewer: Viewer, draft: JudgementDraft): Promise<CaseLinkJudgement> {
    return this.judgements.judgeCaseLink(viewer, draft);
  }

  caseLinkJudgements(viewer: Viewer, options: { caseIds?: string[] }): Promise<CaseLinkJudgement[]> {
    return this.judgements.caseLinkJudgements(viewer, options);
  }

  listSheetMappings(agencies: string | string[]): Promise<SavedSheetMapping[]> {
    return this.sheetMappings.listSheetMappings(agencies);
  }

  saveSheetMapping(agency: string, by: string, mapping: SheetMapping): Promise<SavedSheetMapping> {
    return this.sheetMappings.saveSheetMapping(agency, by, mapping);
  }

  deleteSheetMapping(agency: string, name: string): Promise<boolean> {
    return this.sheetMappings.deleteSheetMapping(agency, name);
  }

  close(): Promise<void> {
    return this.runner.close();
  }

  private async lookupLabels(ids: string[]): Promise<Map<string, Label>> {
    const found = new Map<string, Label>();
    const unknown = ids.filter((id) => {
      const label = this.labels.get(id);
      if (label) found.set(id, label);
      return !label;
    });
    if (unknown.length > 0) {
      for (const r of await this.runner.read('lookup-labels', { ids: unknown })) found.set(r.id as string, r.label as Label);
    }
    return found;
  }

  private remember(labels: Map<string, Label>): void {
    if (this.labels.size + labels.size > LABEL_CACHE_SIZE) this.labels.clear();
    for (const [id, label] of labels) this.labels.set(id, label);
  }

  private async linksAmong(viewer: Viewer, ids: string[], linkTypes: readonly LinkType[], w: TimeWindow): Promise<GraphLink[]> {
    if (ids.length === 0 || viewer.agencies.length === 0) return [];
    const rows = await this.runner.read('links-among', { ...viewerParams(viewer), ...window(w), ids, among: ids, linkTypes });
    return rows
      .map((r) => toLink(r.r, r.from as string, r.to as string))
      .sort((a, b) => linkIdentity(a).localeCompare(linkIdentity(b)));
  }
}

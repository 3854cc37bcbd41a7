import type { Label, LinkType } from '../domain/model';
import type { GraphLink, GraphNode, Props, Subgraph } from '../domain/types';
import { parseRecord } from '../bundle/validate';
import { toLinkInput, toNodeInput } from '../bundle/to-batch';
import { ImportError, importBundle } from '../import/importer';
import { BatchError, type GraphStore } from '../store/graph-store';
import { apiError } from './errors';
import { createExportServices, type ExportDeps } from './exports';
import { createAnalysisServices } from './analysis';
import { createAccountServices } from './accounts';
import { createRevealServices } from './reveal';
import { createDeconflictionServices } from './deconfliction';
import { agencyGrants } from './access-grant';
import { createInvestigationServices } from './investigations';
import { createTaskForceServices } from './task-forces';
import { createLinkageServices } from './linkage';
import { API_LIMITS, clamp } from './limits';
import type { ApiViewer } from './viewer';
import { createWarningServices } from './warning';
import { createReportServices } from './report';
import { createSheetServices } from './sheets';

export interface WindowArgs {
  from?: string | null;
  to?: string | null;
}

const some = <T>(xs: readonly T[] | null | undefined): T[] | undefined => (xs && xs.length > 0 ? [...xs] : undefined);
const ids = (xs: readonly string[]) => [...new Set(xs)].slice(0, API_LIMITS.nodeIds.max);

/** The agency a write is recorded under: the one asked for, which the viewer must belong to. */
export function ownerFor(viewer: ApiViewer, agency?: string | null): string {
  const owner = agency ?? viewer.agencies[0];
  if (!owner || !viewer.agencies.includes(owner)) throw apiError('FORBIDDEN', 'You may not write for this agency.');
  return owner;
}

/**
 * The viewer's agency that holds a visible node, for writing it. A node seen only through a share
 * (a task force, national sharing, a granted access request) is its holders' to change: writing
 * it would make the viewer's agency a holder, and the share would widen.
 */
export function heldBy(viewer: ApiViewer, node: GraphNode): string {
  const owner = node.owners.find((o) => viewer.agencies.includes(o));
  if (!owner) throw apiError('FORBIDDEN', 'This record was shared with you; only the agencies that hold it may change it.');
  return owner;
}

/** Store refusals of a batch are the client's to fix; anything else stays masked. */
async function write<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BatchError) throw apiError('BAD_INPUT', error.message);
    if (error instanceof ImportError) throw apiError('BAD_INPUT', error.message, { line: error.line });
    throw error;
  }
}

function record(raw: object) {
  try {
    return parseRecord(JSON.stringify(raw));
  } catch (error) {
    throw apiError('BAD_INPUT', (error as Error).message);
  }
}

/** The domain services the schema's resolvers call, one method per field. */
export function createServices(store: GraphStore, deps: { exports: ExportDeps }) {
  const visible = async (viewer: ApiViewer, id: string, label: Label): Promise<GraphNode> => {
    const [node] = await store.getNodes(viewer, [id]);
    if (!node || node.label !== label) throw apiError('NOT_FOUND', `No ${label} with this id.`);
    return node;
  };

  return {
    investigations: createInvestigationServices(store),
    taskForces: createTaskForceServices(store),
    analysis: createAnalysisServices(store),
    accounts: createAccountServices(store.accounts),
    reveal: createRevealServices(store),
    deconfliction: createDeconflictionServices(store, agencyGrants(store)),

    warning: createWarningServices(store),

    exports: createExportServices(store, deps.exports),

    report: createReportServices(store),
    sheets: createSheetServices(store),

    search: (viewer: ApiViewer, a: { text: string; labels?: readonly Label[] | null; limit?: number | null }) => {
      const text = a.text.trim().slice(0, API_LIMITS.textLength.max);
      if (text.length === 0) return Promise.resolve([]);
      return store.search(viewer, text, { labels: some(a.labels), limit: clamp(a.limit, API_LIMITS.searchLimit.max, API_LIMITS.searchLimit.fallback) });
    },

    nodes: (viewer: ApiViewer, nodeIds: readonly string[]) => store.getNodes(viewer, ids(nodeIds)),

    subgraph: (viewer: ApiViewer, nodeIds: readonly string[]) => store.subgraph(viewer, ids(nodeIds)),

    neighborhood: async (
      viewer: ApiViewer,
      a: WindowArgs & { ids: readonly string[]; hops?: number | null; labels?: readonly Label[] | null; linkTypes?: readonly LinkType[] | null; limit?: number | null },
    ) => {
      const n = await store.neighborhood(viewer, ids(a.ids), {
        hops: clamp(a.hops, API_LIMITS.hops.max, API_LIMITS.hops.fallback),
        labels: some(a.labels),
        linkTypes: some(a.linkTypes),
        limit: clamp(a.limit, API_LIMITS.limit.max, API_LIMITS.limit.fallback),
        from: a.from ?? undefined,
        to: a.to ?? undefined,
      });
      return { ...n, beyond: Object.entries(n.beyond).map(([label, count]) => ({ label, count: count ?? 0 })).sort((a, b) => a.label.localeCompare(b.label)) };
    },

    paths: (viewer: ApiViewer, a: { from: string; to: string; maxHops?: number | null; k?: number | null; linkTypes?: readonly LinkType[] | null }) =>
      store.shortestPaths(viewer, a.from, a.to, {
        maxHops: clamp(a.maxHops, API_LIMITS.pathHops.max, API_LIMITS.pathHops.fallback),
        k: clamp(a.k, API_LIMITS.paths.max, API_LIMITS.paths.fallback),
        linkTypes: some(a.linkTypes),
      }),

    linkage: createLinkageServices(store),

    stats: (viewer: ApiViewer, a: WindowArgs & { province?: string | null; category?: string | null }) =>
      store.stats(viewer, { from: a.from ?? undefined, to: a.to ?? undefined, province: a.province ?? undefined, category: a.category ?? undefined }),

    importBundle: async (viewer: ApiViewer, a: { ndjson: string; agency?: string | null }) => {
      const owner = ownerFor(viewer, a.agency);
      if (Buffer.byteLength(a.ndjson) > API_LIMITS.bundleBytes.max) throw apiError('LIMIT', 'The bundle is too large.');
      const lines = a.ndjson.split(/\r?\n/);
      // Every record must be owned by one of the viewer's agencies; checked before anything is written.
      lines.forEach((line, i) => {
        let claimed: unknown;
        try {
          const r = JSON.parse(line) as { kind?: unknown; agency?: unknown; owner?: unknown };
          claimed = r?.kind === 'meta' ? r.agency : r?.owner;
        } catch {
          return; // the importer reports it with its line number
        }
        if (typeof claimed === 'string' && !viewer.agencies.includes(claimed)) {
          throw apiError('FORBIDDEN', `line ${i + 1}: you may not write for this agency.`, { line: i + 1 });
        }
      });
      return write(() => importBundle(store, (async function* () { yield lines; })(), { by: viewer.userId, agency: owner }));
    },

    upsertNode: async (viewer: ApiViewer, a: { id: string; label: Label; props?: unknown; agency?: string | null }) => {
      const owner = ownerFor(viewer, a.agency);
      const r = record({ kind: 'node', id: a.id, label: a.label, props: a.props ?? {} });
      if (r.kind !== 'node') throw apiError('BAD_INPUT', 'Not a node.');
      const [seen] = await store.getNodes(viewer, [a.id]);
      if (seen) heldBy(viewer, seen);
      await write(() => store.upsert({ nodes: [toNodeInput(r, owner)], links: [], sources: [] }, viewer.userId));
      return visible(viewer, a.id, a.label);
    },

    addLink: async (viewer: ApiViewer, a: { type: LinkType; from: string; to: string; key?: string | null; props?: unknown; sources: readonly string[]; agency?: string | null }) => {
      const owner = ownerFor(viewer, a.agency);
      if (a.sources.length === 0) throw apiError('BAD_INPUT', 'A link needs at least one source record.');
      const ends = await store.getNodes(viewer, [a.from, a.to]);
      if (ends.length < new Set([a.from, a.to]).size) throw apiError('NOT_FOUND', 'No node with this id.');
      const known = await store.getSources(viewer, [...new Set(a.sources)]);
      if (known.length < new Set(a.sources).size) throw apiError('NOT_FOUND', 'No source record with this id.');
      const r = record({ kind: 'link', type: a.type, from: a.from, to: a.to, ...(a.key ? { key: a.key } : {}), props: a.props ?? {}, sources: [...a.sources] });
      if (r.kind !== 'link') throw apiError('BAD_INPUT', 'Not a link.');
      const input = toLinkInput(r, owner);
      await write(() => store.upsert({ nodes: [], links: [input], sources: [] }, viewer.userId));
      const { links } = await store.subgraph(viewer, [a.from, a.to]);
      const link = links.find((l) => l.type === input.type && l.from === input.from && l.to === input.to && l.key === input.key);
      if (!link) throw new Error('link not readable after write');
      return link;
    },

    freezeCard: async (viewer: ApiViewer, a: { cardId: string; amount: number; at?: string | null }) => {
      const card = await visible(viewer, a.cardId, 'BankCard');
      if (a.amount <= 0) throw apiError('BAD_INPUT', 'The frozen amount must be positive.');
      const props: Props = { frozen: true, frozenAmount: a.amount, frozenAt: a.at ?? new Date().toISOString() };
      return update(viewer, card, props);
    },

    recordReturn: async (viewer: ApiViewer, a: { caseId: string; amount: number }) => {
      const c = await visible(viewer, a.caseId, 'Case');
      if (a.amount <= 0) throw apiError('BAD_INPUT', 'The returned amount must be positive.');
      return update(viewer, c, { returned: Number(c.props.returned ?? 0) + a.amount });
    },
  };

  /** Writes new properties of a visible node as the first of the viewer's agencies that owns it. */
  async function update(viewer: ApiViewer, node: GraphNode, props: Props): Promise<GraphNode> {
    const owner = heldBy(viewer, node);
    await write(() => store.upsert({ nodes: [{ id: node.id, label: node.label, owner, props }], links: [], sources: [] }, viewer.userId));
    const [after] = await store.getNodes(viewer, [node.id]);
    return after!;
  }
}

export type Services = ReturnType<typeof createServices>;

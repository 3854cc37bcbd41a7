import type { ElementDefinition } from 'cytoscape';
import { ApiError } from '../api/errors';
import type { Request } from '../api/use-api';
import { GangQuery, LinkedCasesQuery, MoneyTrailQuery, NeighborhoodQuery, PathsQuery, SubgraphQuery } from '../api/operations';
import type { LinkType, NodeLabel } from '../api/types';
import { nodeText, type ApiLink, type ApiNode, type ApiSubgraph } from '../graph/elements';
import type { Locale } from '../graph/format';
import type { MessageKey } from '../i18n/messages';
import { addGang, addNeighborhood, addSubgraph, applyLayout, canvasNodeIds, move } from './commands';
import type { CanvasDoc, LayoutName } from './doc';
import { gangHierarchy, moneyFlow } from './layouts';
import { caseMoneyQuery, caseMoneySeeds } from './money-seeds';
import type { AnalysisResult } from './results';
import { runLayout } from './run-layout';
import type { CanvasHistory } from './use-canvas-history';
import type { Tasks } from './use-tasks';

/** Nodes one expansion brings at most; the rest wait behind a placeholder ("and 132 more phones"). */
export const EXPAND_LIMIT = 50;
/** Nodes a placeholder adds each time it is expanded. */
export const MORE_PAGE = 100;
/** Up to how many nodes an expansion fits the view to the canvas by itself ("fit" does it for more). */
const AUTO_FIT_MAX = 500;
/** From how many nodes on the canvas an expansion lays out only the new ones. */
const KEEP_FROM = 3;
/** Layers of transfers a money trail follows unless asked for more. */
export const TRAIL_DEPTH = 3;

export interface ExpandOptions {
  hops?: number;
  linkTypes?: LinkType[];
  labels?: NodeLabel[];
}

export interface ActionContext {
  request: Request;
  history: CanvasHistory;
  tasks: Tasks;
  locale: Locale;
  /** The visible graph elements of a document, as layouts take them. */
  layoutElements(doc: CanvasDoc): ElementDefinition[];
  showResult(result: AnalysisResult): void;
  /** A short message in the status line ("no gang members on the canvas"). */
  notify(key: MessageKey): void;
  /** Fits the view to the canvas once the change is drawn. */
  fit(): void;
}

export type Actions = ReturnType<typeof createActions>;

/**
 * What the investigator does with the API: each fetches, then commits one undoable change to the
 * canvas, then lets the current layout settle the new nodes (part of the same step).
 */
export function createActions(ctx: ActionContext) {
  const { request, history, tasks } = ctx;
  /** What the canvas calls a node (its first line), or its id. */
  const nameIn = (id: string, doc: CanvasDoc) => {
    const n = doc.graph.nodes[id];
    return n ? nodeText(n, ctx.locale).split('\n')[0]! : id;
  };
  const nameOf = (id: string) => nameIn(id, history.current());

  /** Lays the new nodes out the way the canvas is laid out, unless something changed meanwhile. */
  async function settle(before: CanvasDoc, signal: AbortSignal) {
    const after = history.current();
    if (after === before) return;
    const elements = ctx.layoutElements(after);
    // Nodes already there keep their place, so the picture the investigator knows stays; with
    // one or two there is no picture yet, and holding them only cramps the rest.
    const kept = canvasNodeIds(before.graph).filter((id) => after.positions[id]);
    const keep = kept.length >= KEEP_FROM ? kept : [];
    const outcome = await runLayout({ name: after.layout, doc: after, elements, locale: ctx.locale, keep, signal });
    if ('problem' in outcome || history.current() !== after) return;
    history.settle((d) => (after.layout === 'force' ? move(d, outcome.positions) : applyLayout(d, after.layout, outcome.positions, outcome.bands)));
  }

  /** Commits a change and lets the layout settle it. */
  async function commit(key: MessageKey, params: Record<string, string | number>, f: (doc: CanvasDoc) => CanvasDoc, signal: AbortSignal) {
    const before = history.current();
    history.change({ key, params }, f);
    await settle(before, signal);
    // Fitting redraws every node at the new zoom in one frame: fine for hundreds, not thousands.
    if (Object.keys(history.current().positions).length <= AUTO_FIT_MAX) ctx.fit();
  }

  /** Commits a change laid out by a synchronous layout in the same step. */
  function commitLaidOut(key: MessageKey, params: Record<string, string | number>, f: (doc: CanvasDoc) => CanvasDoc, layout: 'hierarchy' | 'money') {
    history.change({ key, params }, (doc) => {
      const next = f(doc);
      const outcome = layout === 'hierarchy' ? gangHierarchy(ctx.layoutElements(next), ctx.locale) : moneyFlow(ctx.layoutElements(next));
      return 'problem' in outcome ? next : applyLayout(next, layout, outcome.positions, outcome.bands);
    });
    ctx.fit();
  }

  const open = (ids: string[]) =>
    tasks.run('action.open', async (signal) => {
      const { subgraph } = await request(SubgraphQuery, { ids }, signal);
      if (!subgraph.nodes.length) throw new ApiError('not-found');
      const name = subgraph.nodes.map((n) => nodeText(n as ApiNode, ctx.locale)).join('、');
      await commit('change.open', { name }, (doc) => addSubgraph(doc, subgraph), signal);
    });

  const expand = (id: string, options: ExpandOptions = {}) =>
    tasks.run('action.expand', async (signal) => {
      const query = { ids: [id], hops: options.hops ?? 1, linkTypes: options.linkTypes ?? null, labels: options.labels ?? null };
      const { neighborhood } = await request(NeighborhoodQuery, { ...query, limit: EXPAND_LIMIT }, signal);
      await commit('change.expand', { name: nameOf(id) }, (doc) => addNeighborhood(doc, neighborhood, query, id), signal);
    });

  /** Fetches the next batch a placeholder stands for. */
  const expandMore = (placeholderId: string) =>
    tasks.run('action.expand', async (signal) => {
      const doc = history.current();
      const p = doc.graph.placeholders[placeholderId];
      if (!p) return;
      const seeds = new Set(p.seeds);
      const shown = new Set<string>();
      for (const l of Object.values(doc.graph.links)) {
        if (seeds.has(l.from) && doc.graph.nodes[l.to]?.label === p.label) shown.add(l.to);
        if (seeds.has(l.to) && doc.graph.nodes[l.from]?.label === p.label) shown.add(l.from);
      }
      const query = { ids: [...p.seeds], hops: p.hops, labels: [p.label], linkTypes: p.linkTypes ? [...p.linkTypes] : null };
      const limit = Math.min(500, shown.size + MORE_PAGE);
      const { neighborhood } = await request(NeighborhoodQuery, { ...query, limit }, signal);
      await commit('change.expandMore', { name: p.seeds.map((s) => nameIn(s, doc)).join('、') }, (d) => addNeighborhood(d, neighborhood, query, p.seeds[0]), signal);
    });

  const linkedCases = (caseId: string) =>
    tasks.run('action.linked', async (signal) => {
      const { linkedCases: found } = await request(LinkedCasesQuery, { caseId }, signal);
      ctx.showResult({ kind: 'linked', caseId, caption: found.case.caption, linked: found.linked });
      await commit('change.linkedCases', { name: found.case.caption }, (doc) => addSubgraph(doc, found, caseId), signal);
    });

  const paths = (from: string, to: string, maxHops = 6) =>
    tasks.run('action.paths', async (signal) => {
      const { paths: found } = await request(PathsQuery, { from, to, maxHops, k: 5 }, signal);
      ctx.showResult({ kind: 'paths', from, to, maxHops, paths: found.paths });
      if (found.nodes.length) await commit('change.paths', {}, (doc) => addSubgraph(doc, found, from), signal);
    });

  /** The money trail of a card, or of a case from its victims' transfers; laid out as a money flow, with the freeze list in the panel. */
  const moneyTrail = (id: string, depth = TRAIL_DEPTH) =>
    tasks.run('action.money', async (signal) => {
      const seedName = nameOf(id);
      let around: ApiSubgraph = { nodes: [], links: [] };
      if (id.startsWith('case:')) {
        const q = caseMoneyQuery(id);
        const { neighborhood } = await request(NeighborhoodQuery, { ...q, linkTypes: [...q.linkTypes] }, signal);
        const seeds = caseMoneySeeds(id, neighborhood);
        // The case, its victims and the cards it involves; not every transfer those cards ever made.
        const links = (neighborhood.links as ApiLink[]).filter((l) => l.type !== 'TRANSFERRED' && (l.from === id || l.to === id || seeds.cards.includes(l.to)));
        const keep = new Set([id, ...links.flatMap((l) => [l.from, l.to])]);
        around = { nodes: neighborhood.nodes.filter((n) => keep.has(n.id)), links };
      }
      // A case: the server finds its victims' transfers; a card: everything that left it.
      const { moneyTrail: trail } = await request(MoneyTrailQuery, id.startsWith('case:') ? { caseId: id, depth } : { cardIds: [id], depth }, signal);
      const transfers = (trail.links as ApiLink[]).filter((l) => l.type === 'TRANSFERRED');
      ctx.showResult({ kind: 'money', seedId: id, seedName, cards: trail.nodes as ApiNode[], transfers, trail: { cards: trail.cards, freezeList: trail.freezeList } });
      commitLaidOut('change.moneyTrail', { name: seedName }, (doc) => addSubgraph(addSubgraph(doc, around, id), trail, id), 'money');
    });

  /** The gang of a person (or the gang itself) with all its members, in the gang hierarchy. */
  const gang = (id: string) =>
    tasks.run('action.gang', async (signal) => {
      const doc = history.current();
      let gangId: string | undefined = id.startsWith('gang:') ? id : Object.values(doc.graph.links).find((l) => l.type === 'MEMBER_OF' && l.from === id)?.to;
      if (!gangId) {
        const { neighborhood } = await request(NeighborhoodQuery, { ids: [id], hops: 1, linkTypes: ['MEMBER_OF'], limit: 10 }, signal);
        gangId = neighborhood.nodes.find((n) => n.label === 'Gang')?.id;
      }
      if (!gangId) {
        ctx.showResult({ kind: 'gang', personOrGangId: id, name: nameOf(id), gang: null });
        return;
      }
      const { gang: view } = await request(GangQuery, { id: gangId }, signal);
      ctx.showResult({ kind: 'gang', personOrGangId: id, name: view.gang.caption, gang: view });
      commitLaidOut('change.gang', { name: view.gang.caption }, (d) => addGang(d, view, gangId), 'hierarchy');
    });

  const layout = (name: LayoutName) =>
    tasks.run('action.layout', async (signal) => {
      const doc = history.current();
      const outcome = await runLayout({ name, doc, elements: ctx.layoutElements(doc), locale: ctx.locale, signal });
      if ('problem' in outcome) return ctx.notify(outcome.problem);
      if (history.current() !== doc) return;
      history.change({ key: 'change.layout', params: { layout: `layout.${name}` } }, (d) => applyLayout(d, name, outcome.positions, outcome.bands));
      ctx.fit();
    });

  return { open, expand, expandMore, linkedCases, paths, moneyTrail, gang, layout, nameOf };
}

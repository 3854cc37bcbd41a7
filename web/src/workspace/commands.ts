import {
  mergeGang,
  mergeGraph,
  mergeNeighborhood,
  removeFromGraph,
  type ApiGangView,
  type ApiNeighborhood,
  type ApiSubgraph,
  type GraphData,
  type NeighborhoodQuery,
} from '../graph/elements';
import type { Band } from '../graph/layouts/hierarchy';
import { emptyDoc, type CanvasDoc, type LayoutName, type Position, type TimeWindow } from './doc';
import { placeAround } from './place';

/**
 * Every change to the canvas, as a pure function from one document to the next. The workspace
 * commits each result to the undo stack (history.ts), so each of these is one undoable step.
 */

/** The ids the canvas draws as nodes: the graph's nodes and its placeholders. */
export const canvasNodeIds = (g: GraphData): string[] => [...Object.keys(g.nodes), ...Object.keys(g.placeholders)];

/** Gives every node without a position one, around `anchor` when it is on the canvas. */
function placeNew(doc: CanvasDoc, graph: GraphData, anchor?: string): CanvasDoc {
  const fresh = canvasNodeIds(graph).filter((id) => !doc.positions[id]);
  const ids = new Set(canvasNodeIds(graph));
  const kept: Record<string, Position> = {};
  for (const [id, p] of Object.entries(doc.positions)) if (ids.has(id)) kept[id] = p;
  const placed = placeAround({ ids: fresh.sort(), anchor: anchor ? doc.positions[anchor] : undefined, existing: kept });
  return { ...doc, graph, positions: { ...kept, ...placed } };
}

/** Adds a neighbourhood, with placeholders for what it left out, new nodes around `anchor`. */
export function addNeighborhood(doc: CanvasDoc, result: ApiNeighborhood, query: NeighborhoodQuery, anchor?: string): CanvasDoc {
  return placeNew(doc, mergeNeighborhood(doc.graph, result, query), anchor ?? query.ids[0]);
}

/** Adds any subgraph: paths, a money trail, linked cases. */
export function addSubgraph(doc: CanvasDoc, sub: ApiSubgraph, anchor?: string): CanvasDoc {
  return placeNew(doc, mergeGraph(doc.graph, sub), anchor);
}

/** Adds a gang with its members and their layers. */
export function addGang(doc: CanvasDoc, view: ApiGangView, anchor?: string): CanvasDoc {
  return placeNew(doc, mergeGang(doc.graph, view), anchor ?? view.gang.id);
}

const without = (list: readonly string[], gone: ReadonlySet<string>) => list.filter((id) => !gone.has(id));

/** Takes nodes (or links) off the canvas and out of the document. */
export function removeElements(doc: CanvasDoc, ids: Iterable<string>): CanvasDoc {
  const gone = new Set(ids);
  if (![...gone].some((id) => doc.graph.nodes[id] || doc.graph.links[id] || doc.graph.placeholders[id])) return doc;
  const graph = removeFromGraph(doc.graph, gone);
  const present = new Set(canvasNodeIds(graph));
  const positions: Record<string, Position> = {};
  for (const [id, p] of Object.entries(doc.positions)) if (present.has(id)) positions[id] = p;
  const absent = new Set([...gone, ...Object.keys(doc.positions).filter((id) => !present.has(id))]);
  return { ...doc, graph, positions, hidden: without(doc.hidden, absent), pinned: without(doc.pinned, absent), locked: without(doc.locked, absent) };
}

/** Neighbours of a node on the canvas, through links and placeholder edges. */
function neighbours(g: GraphData, id: string): Map<string, Set<string>> {
  const adj = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    if (!adj.has(a)) adj.set(a, new Set());
    adj.get(a)!.add(b);
  };
  for (const l of Object.values(g.links)) {
    if (!g.nodes[l.from] || !g.nodes[l.to] || l.from === l.to) continue;
    add(l.from, l.to);
    add(l.to, l.from);
  }
  for (const p of Object.values(g.placeholders)) for (const s of p.seeds) if (g.nodes[s]) (add(s, p.id), add(p.id, s));
  if (!adj.has(id)) adj.set(id, new Set());
  return adj;
}

/**
 * Folds a node's expansion back: removes the neighbours that hang on it alone (and its
 * placeholders), except pinned ones. The inverse of expanding a node that nothing else reached.
 */
export function collapse(doc: CanvasDoc, id: string): CanvasDoc {
  const adj = neighbours(doc.graph, id);
  const pinned = new Set(doc.pinned);
  const leaves = [...(adj.get(id) ?? [])].filter((n) => !pinned.has(n) && [...(adj.get(n) ?? [])].every((m) => m === id));
  return leaves.length ? removeElements(doc, leaves) : doc;
}

const sortedUnion = (list: readonly string[], ids: Iterable<string>) => [...new Set([...list, ...ids])].sort();

/** Hides nodes from view; they stay in the document and come back with showAll. */
export function hide(doc: CanvasDoc, ids: Iterable<string>): CanvasDoc {
  const onCanvas = [...ids].filter((id) => doc.positions[id]);
  const hidden = sortedUnion(doc.hidden, onCanvas);
  return hidden.length === doc.hidden.length ? doc : { ...doc, hidden };
}

export function showAll(doc: CanvasDoc): CanvasDoc {
  return doc.hidden.length ? { ...doc, hidden: [] } : doc;
}

/** Sets or clears the pinned or locked flag of nodes. */
export function setFlag(doc: CanvasDoc, flag: 'pinned' | 'locked', ids: Iterable<string>, on: boolean): CanvasDoc {
  const list = [...ids].filter((id) => doc.positions[id]);
  const next = on ? sortedUnion(doc[flag], list) : doc[flag].filter((id) => !list.includes(id));
  return next.length === doc[flag].length && next.every((id, i) => id === doc[flag][i]) ? doc : { ...doc, [flag]: next };
}

/** Moves nodes (a drag, or a layout's answer); locked nodes stay where they are. */
export function move(doc: CanvasDoc, positions: Readonly<Record<string, Position>>): CanvasDoc {
  const locked = new Set(doc.locked);
  const next = { ...doc.positions };
  let changed = false;
  for (const [id, p] of Object.entries(positions)) {
    const old = next[id];
    if (!old || locked.has(id) || (old.x === p.x && old.y === p.y)) continue;
    next[id] = { x: p.x, y: p.y };
    changed = true;
  }
  return changed ? { ...doc, positions: next } : doc;
}

/** Switches the layout and places nodes where it put them; the gang hierarchy also draws its bands. */
export function applyLayout(doc: CanvasDoc, layout: LayoutName, positions: Readonly<Record<string, Position>>, bands: readonly Band[] = []): CanvasDoc {
  const moved = move(doc, positions);
  if (moved.layout === layout && moved.bands.length === 0 && bands.length === 0) return moved;
  return { ...moved, layout, bands: [...bands] };
}

export function setGroupByLabel(doc: CanvasDoc, on: boolean): CanvasDoc {
  return doc.groupByLabel === on ? doc : { ...doc, groupByLabel: on };
}

export function setTimeWindow(doc: CanvasDoc, window: TimeWindow | null): CanvasDoc {
  const same = window === doc.timeWindow || (window && doc.timeWindow && window.from === doc.timeWindow.from && window.to === doc.timeWindow.to);
  return same ? doc : { ...doc, timeWindow: window };
}

/** Empties the canvas, keeping how it is laid out and grouped. */
export function clear(doc: CanvasDoc): CanvasDoc {
  if (!Object.keys(doc.positions).length && !Object.keys(doc.graph.nodes).length) return doc;
  return { ...emptyDoc(), layout: doc.layout, groupByLabel: doc.groupByLabel };
}

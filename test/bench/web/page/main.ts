/**
 * The web benchmark page: the app's own pure graph modules (elements, stylesheet, renderer
 * choice, layouts) on a real Cytoscape canvas, driven by test/bench/web/bench.ts.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { emptyGraph, mergeGraph, toElements, type ApiLink, type GraphData } from '../../../../web/src/graph/elements';
import { hierarchyInputFromElements, hierarchyLayout } from '../../../../web/src/graph/layouts/hierarchy';
import { forceLayout } from '../../../../web/src/graph/layouts/force';
import { sfc32 } from '../../../../web/src/graph/layouts/fcose-core';
import { chooseRenderer, cyRenderOptions, probe } from '../../../../web/src/graph/renderer';
import { LARGE_GRAPH } from '../../../../web/src/graph/style';
import { glyphImages } from '../../../../web/src/graph/glyphs';
import { canvasStylesheet } from '../../../../web/src/workspace/canvas-style';
import { applyView } from '../../../../web/src/workspace/canvas-apply';
import { addSubgraph, applyLayout, move } from '../../../../web/src/workspace/commands';
import { emptyDoc, type Position } from '../../../../web/src/workspace/doc';
import { canvasView } from '../../../../web/src/workspace/view';
import { keepLayersWarm, panOnLayers } from '../../../../web/src/graph/warm-layers';
import { layersReady } from '../../../../web/src/graph/layer-fill';
import { syntheticGang, syntheticGraph } from '../synthetic-gang';
import type { BenchApi, PanResult } from './api';

const gl = probe();
const images = await glyphImages();
const choice = chooseRenderer(gl);
const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

let cy: Core | null = null;
/**
 * The floor the expand and force rows compare with: the same elements drawn as Cytoscape's plain
 * grey dots and lines (no icons, borders, labels or class rules), so that what is left is
 * Cytoscape's own cost of adding, moving and drawing that many elements.
 */
const PLAIN = [{ selector: 'node', style: { width: 30, height: 30, label: '' } }, { selector: 'edge', style: { 'curve-style': 'haystack', width: 1 } }] as unknown as cytoscape.StylesheetJson;

function canvas(els: ElementDefinition[], expected: number, plain = false): Core {
  cy?.destroy();
  cy = cytoscape({
    container: document.getElementById('cy'),
    style: plain ? PLAIN : canvasStylesheet({ large: expected > LARGE_GRAPH, images }),
    elements: els,
    layout: { name: 'preset' },
    ...cyRenderOptions(choice, expected),
  });
  keepLayersWarm(cy);
  panOnLayers(cy);
  return cy;
}

const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
/** Lets the current task end, as React's render and its effects each run in a task of their own. */
const task = () => new Promise((r) => setTimeout(r, 0));
async function frames(n: number) {
  for (let i = 0; i < n; i++) await frame();
}

/** Every node a position: people by the hierarchy, the rest in a ring around a neighbour placed before them. */
function place(els: ElementDefinition[], rand: () => number): ElementDefinition[] {
  const h = hierarchyLayout({ ...hierarchyInputFromElements(els), others: [] });
  const pos = new Map(Object.entries(h.positions));
  const adj = new Map<string, string[]>();
  for (const e of els) {
    if (e.data.source === undefined) continue;
    (adj.get(e.data.source) ?? adj.set(e.data.source, []).get(e.data.source)!).push(e.data.target);
    (adj.get(e.data.target) ?? adj.set(e.data.target, []).get(e.data.target)!).push(e.data.source);
  }
  let queue = [...pos.keys()];
  while (queue.length) {
    const next: string[] = [];
    for (const id of queue)
      for (const n of adj.get(id) ?? [])
        if (!pos.has(n)) {
          const p = pos.get(id)!;
          const a = rand() * 2 * Math.PI;
          const r = 40 + rand() * 60;
          pos.set(n, { x: p.x + r * Math.cos(a), y: p.y + r * Math.sin(a) });
          next.push(n);
        }
    queue = next;
  }
  return els.map((e) => (e.data.source === undefined ? { ...e, position: pos.get(e.data.id!) ?? { x: rand() * 3000, y: rand() * 3000 } } : e));
}

const positionsOf = (els: ElementDefinition[]): Record<string, Position> => Object.fromEntries(els.filter((e) => e.position).map((e) => [e.data.id!, e.position!]));

let counting = false;
let count = 0;
let started = 0;
let last = 0;
let worst = 0;
/** Counts frames until stopCounting, calling `onFrame` (a pan step, a mouse move) in each. */
function startCounting(onFrame?: () => void) {
  counting = true;
  count = 0;
  worst = 0;
  started = last = performance.now();
  const loop = (t: number) => {
    if (!counting) return;
    onFrame?.();
    count++;
    worst = Math.max(worst, t - last);
    last = t;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}
function stopCounting(): PanResult {
  counting = false;
  const seconds = (performance.now() - started) / 1000;
  return { fps: Math.round((count / seconds) * 10) / 10, frames: count, seconds: Math.round(seconds * 100) / 100, worstFrame: Math.round(worst), elements: cy?.elements().length ?? 0, zoom: Math.round((cy?.zoom() ?? 0) * 1000) / 1000 };
}

async function setupPan({ nodes, links }: { nodes: number; links: number }) {
  const els = place(toElements(mergeGraph(emptyGraph(), syntheticGraph({ nodes, links }))), sfc32(3));
  const c = canvas(els, els.length);
  c.fit(undefined, 20);
  await frames(30); // textures and caches warm up, as after the first look at a graph
  // ... and the layered texture that keepLayersWarm queued fills in idle frames (at most 10 s).
  const t = performance.now();
  while (!layersReady(c) && performance.now() - t < 10_000) await frame();
  return { elements: c.elements().length, warmMs: Math.round(performance.now() - t), ready: layersReady(c) };
}

/**
 * Waits (at most 2 s) until the canvas's layered bitmap is complete: the work a big change
 * leaves after its last frame (the bitmap's allocation, its fill and the frame that first draws
 * it: 190-245 ms of CPU in one task at load 6-7 before revealOnLayers) belongs to the row.
 */
async function settle(c: Core): Promise<number> {
  const t = performance.now();
  while (!layersReady(c) && performance.now() - t < 2000) await frame();
  await frames(3);
  return Math.round(performance.now() - t);
}

function within(t0: number, t1: number) {
  const tasks = longTasks.filter((e) => e.startTime + e.duration >= t0 && e.startTime <= t1);
  return { longestTask: Math.round(Math.max(0, ...tasks.map((e) => e.duration))), longTasks: tasks.length };
}

const timed = <T>(steps: Record<string, number>, name: string, f: () => T): T => {
  const t = performance.now();
  const out = f();
  steps[name] = Math.round(performance.now() - t);
  return out;
};

const api: BenchApi = {
  renderer: () => ({ renderer: gl.renderer ?? '(none)', webgl: choice.webgl, reason: choice.reason }),

  async release() {
    cy?.destroy();
    cy = null;
    // The render loop and the texture caches' timers let go of the instance within a few frames.
    await frames(3);
    await new Promise((r) => setTimeout(r, 100));
  },

  async pan(opts) {
    await setupPan(opts);
    return api.panFor(opts);
  },
  async panFor(opts) {
    const start = { ...cy!.pan() };
    startCounting(() => cy!.panBy({ x: 3, y: 2 }));
    await new Promise((r) => setTimeout(r, opts.seconds * 1000));
    const result = stopCounting();
    return { ...result, panned: Math.round(Math.hypot(cy!.pan().x - start.x, cy!.pan().y - start.y)) };
  },
  setupPan,
  async dragPan({ seconds }) {
    // Mouse events dispatched in the page, one move a frame as a pointer sends them, so that
    // Cytoscape's own handlers pan (with its viewport texture) and no driver round trip paces
    // the frames. The drag starts in the fit's empty margin, so it grabs the background.
    const container = document.getElementById('cy')!;
    const target = container.querySelector('canvas:last-of-type') ?? container;
    const box = container.getBoundingClientRect();
    const at = (x: number, y: number) => ({ clientX: box.left + x, clientY: box.top + y, bubbles: true, cancelable: true, button: 0, buttons: 1, view: window });
    let i = 0;
    let moved = 0;
    const start = { ...cy!.pan() };
    const move = () => {
      const t = ++i * 0.05;
      window.dispatchEvent(new MouseEvent('mousemove', at(8 + 300 * (1 - Math.cos(t)), 8 + 200 * (1 - Math.cos(t * 0.7)))));
      const p = cy!.pan();
      moved = Math.max(moved, Math.hypot(p.x - start.x, p.y - start.y));
    };
    target.dispatchEvent(new MouseEvent('mousedown', at(8, 8)));
    startCounting(move);
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const result = stopCounting();
    window.dispatchEvent(new MouseEvent('mouseup', at(8, 8)));
    return { ...result, panned: Math.round(moved) };
  },

  async hierarchy({ members, runs }) {
    const g = syntheticGang({ members });
    const ids = new Set([g.gang, ...g.people]);
    const view: GraphData = mergeGraph(emptyGraph(), { nodes: g.nodes.filter((n) => ids.has(n.id)), links: g.links.filter((l) => ids.has(l.from) && ids.has(l.to)) });
    // Start from a grid, as if another layout had been on before.
    const grid = (i: number) => ({ x: (i % 40) * 60, y: Math.floor(i / 40) * 60 });
    const els = toElements(view).map((e, i) => (e.data.source === undefined ? { ...e, position: grid(i) } : e));
    const c = canvas(els, els.length);
    await frames(10);
    const totals: number[] = [];
    const computes: number[] = [];
    for (let i = 0; i < runs; i++) {
      c.nodes().positions((_, i) => grid(i));
      c.fit(undefined, 20);
      await frames(3);
      const t0 = performance.now();
      const input = hierarchyInputFromElements(els);
      const h = hierarchyLayout(input);
      computes.push(performance.now() - t0);
      c.batch(() => c.nodes().positions((n) => h.positions[n.id()] ?? n.position()));
      c.fit(undefined, 20);
      await frame();
      await frame();
      totals.push(performance.now() - t0);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return { people: g.people.length, elements: els.length, first: Math.round(totals[0]!), median: Math.round(median(totals)), compute: Math.round(median(computes) * 10) / 10 };
  },

  async expand({ baseMembers, addMembers, plain }) {
    // What the workspace does when an expansion brings ~2,000 elements (actions.ts commit, then
    // Workspace's view and Canvas's applyView): the document gains the subgraph, new nodes
    // placed around the node expanded (commands.addSubgraph), the view is computed and applied.
    const base = syntheticGang({ members: baseMembers, prefix: 'a' });
    let doc = addSubgraph(emptyDoc(), base);
    doc = move(doc, positionsOf(place(toElements(doc.graph), sfc32(5))));
    const view = canvasView(doc, { elements: toElements(doc.graph) });
    const c = canvas([], 10_000, plain);
    await applyView(c, [], view, new AbortController().signal);
    c.fit(undefined, 20);
    await frames(20);
    const more = syntheticGang({ members: addMembers, prefix: 'b', seed: 2 });
    const anchor = base.people[0]!;
    const bridge: ApiLink = { id: `KNOWS:${anchor}:${more.people[0]}:`, type: 'KNOWS', from: anchor, to: more.people[0]! };
    const steps: Record<string, number> = {};
    const t0 = performance.now();
    performance.mark('bench:start');
    // Three tasks, as in the app: the action commits the document, React renders the view
    // (Workspace's useMemo), and Canvas's effect applies it after the paint.
    const next = timed(steps, 'commit', () => addSubgraph(doc, { nodes: more.nodes, links: [...more.links, bridge] }, anchor));
    await task();
    const nextView = timed(steps, 'view', () => canvasView(next, { elements: toElements(next.graph) }));
    await task();
    const t1 = performance.now();
    let slices = 0;
    await applyView(c, view, nextView, new AbortController().signal, { onSlice: () => slices++ });
    steps.slices = slices;
    steps.apply = Math.round(performance.now() - t1);
    const t2 = performance.now();
    await frames(10);
    steps.render = Math.round(performance.now() - t2);
    steps.settle = await settle(c);
    performance.mark('bench:end');
    await new Promise((r) => setTimeout(r, 300)); // long-task entries arrive asynchronously
    return { elements: c.elements().length, added: nextView.length - view.length, wall: Math.round(performance.now() - t0 - 300), steps, ...within(t0, performance.now()) };
  },

  async force({ members, plain }) {
    // The force layout as the workspace runs it (run-layout.ts, actions.ts layout): fcose in a
    // Web Worker, then the document's positions change and Canvas's applyView moves the nodes.
    const g = syntheticGang({ members, prefix: 'f', seed: 3 });
    const rand = sfc32(11);
    let doc = addSubgraph(emptyDoc(), g);
    doc = move(doc, Object.fromEntries(Object.keys(doc.positions).map((id) => [id, { x: rand() * 2000, y: rand() * 2000 }])));
    const els = toElements(doc.graph);
    const view = canvasView(doc, { elements: els });
    const c = canvas([], view.length, plain);
    await applyView(c, [], view, new AbortController().signal);
    c.fit(undefined, 20);
    await frames(20);
    const steps: Record<string, number> = {};
    const t0 = performance.now();
    performance.mark('bench:start');
    const positions = await forceLayout(view);
    steps.worker = Math.round(performance.now() - t0);
    await task();
    const moved = timed(steps, 'view', () => canvasView(applyLayout(doc, 'force', positions), { elements: els }));
    await task();
    // No fit: a zoom change makes Cytoscape redraw every node's texture at the new level in one
    // frame; the workspace fits only up to 500 nodes (actions.ts AUTO_FIT_MAX).
    const t1 = performance.now();
    let slices = 0;
    await applyView(c, view, moved, new AbortController().signal, { onSlice: () => slices++ });
    steps.slices = slices;
    steps.apply = Math.round(performance.now() - t1);
    const t2 = performance.now();
    await frames(10);
    steps.render = Math.round(performance.now() - t2);
    steps.settle = await settle(c);
    performance.mark('bench:end');
    await new Promise((r) => setTimeout(r, 300));
    return { elements: c.elements().length, wall: Math.round(performance.now() - t0 - 300), steps, ...within(t0, performance.now()) };
  },
};

(window as unknown as { bench: BenchApi }).bench = api;

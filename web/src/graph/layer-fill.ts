/**
 * Cytoscape's layered bitmap (a picture of every element per zoom level, which the canvas
 * renderer draws instead of the elements once it is complete): asking for it, knowing when it is
 * complete, and filling it without a long task.
 *
 * Left to the renderer, the bitmap is made in the first frame 250 ms after the last change and
 * filled with a share (≤ 15 ms of drawing) of each frame after; what those shares drew is
 * rasterised only when the bitmap is first drawn, all at once: 64–73 ms of CPU in that frame for
 * the expand's 2,217 elements at load 6, after every hover. `fillLayers` makes it in tasks of
 * its own instead:
 *
 * 1. every element's bounds, which give the bitmap's size (layer-canvas.ts);
 * 2. the bitmap's canvas, allocated and cleared (17 MB after the expand: 17–113 ms);
 * 3. the queueing, on that canvas;
 * 4. shares of the fill, each rasterised in the next task (reading a pixel). The renderer's
 *    frames fill nothing meanwhile, and a share is sized by the last one's raster time an element
 *    (`nextShare`): the raster is the costly half and varies by element (at load 6–7, 300 long
 *    edges 54–62 ms, 273 nodes 15), so 20 ms of drawing made rasters of 30–107 ms.
 *
 * It reaches into the renderer's internals (Cytoscape 3.x `renderer().data.lyrTxrCache`); where
 * they are missing (the WebGL renderer, headless, another version) it does nothing.
 */
import type { Core } from 'cytoscape';
import { bitmapLevel, spareLayerCanvas } from './layer-canvas';

interface Layer {
  canvas?: OffscreenCanvas | HTMLCanvasElement;
  /** The layer being drawn to replace this one (Cytoscape's refinement of sharper element textures). */
  replacement?: Layer;
  context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
  width: number;
  height: number;
  /** Elements queued, not drawn yet. */
  reqs?: number;
  invalid?: boolean;
}

/** What this code uses of Cytoscape 3.x's layered texture cache. */
interface LayeredCache {
  /** True until its first request, which draws every element at once (one long task): left to a frame. */
  firstGet?: boolean;
  layersByLevel?: Record<number, Layer[] | undefined>;
  layersQueue?: { size(): number };
  levelIsComplete?(lvl: number, eles: unknown[]): boolean;
  /** Set by the renderer before each frame: within 250 ms of a change, no bitmap is started. */
  skipping?: boolean;
  /** performance.now() of the last change to any element. */
  lastInvalidationTime?: number;
  getLayers?(eles: unknown[], pxRatio: number, lvl?: number): unknown;
  /** Draws the next queued element into its layer; empty when nothing is queued. The renderer's frames call it too. */
  dequeue?(pxRatio: number): unknown[];
}

interface Renderer {
  getPixelRatio?(): number;
  getCachedZSortedEles?(): { nondrag?: unknown[] };
  data?: { lyrTxrCache?: LayeredCache };
}

const rendererOf = (cy: Core): Renderer | undefined => (cy.destroyed() ? undefined : (cy as unknown as { renderer(): Renderer | undefined }).renderer());

/**
 * Whether the canvas has had no change for `settleMs`. Slices of a large addition come without a
 * drawn frame between them (cy-apply.ts holds those frames): a bitmap made in a pause between
 * two slices would be thrown away by the next one, after a long task to allocate it.
 */
export const settled = (now: number, lastChange: number | undefined, settleMs: number): boolean => lastChange === undefined || now - lastChange >= settleMs;

/**
 * Queues the current zoom level's bitmap (nothing when it is complete). 'later' when the canvas
 * changed less than `settleMs` ago (or 250 ms: the cache skips then), 'done' otherwise.
 */
export function queueLayers(cy: Core, settleMs = 0): 'done' | 'later' {
  const r = rendererOf(cy);
  const ltc = r?.data?.lyrTxrCache;
  if (!ltc?.getLayers || ltc.firstGet !== false || !r?.getCachedZSortedEles || !r.getPixelRatio) return 'done';
  if (ltc.skipping || !settled(performance.now(), ltc.lastInvalidationTime, settleMs)) return 'later';
  const eles = r.getCachedZSortedEles().nondrag;
  if (eles && eles.length > 0) ltc.getLayers(eles, r.getPixelRatio());
  return 'done';
}

/** True when the current zoom level's bitmap holds every element (false where there is none). */
export function layersReady(cy: Core): boolean {
  const r = rendererOf(cy);
  const ltc = r?.data?.lyrTxrCache;
  const eles = r?.getCachedZSortedEles?.().nondrag;
  const level = r?.getPixelRatio ? bitmapLevel(cy.zoom(), r.getPixelRatio()) : undefined;
  if (!ltc?.levelIsComplete || !eles || level === undefined) return false;
  return ltc.levelIsComplete(level, eles);
}

/** What a share of the fill drew and how long its raster took. */
export interface Share {
  count: number;
  rasterMs: number;
}

/**
 * How many elements the next share of the fill may draw so that its raster takes about
 * `rasterMs`: by the last share's raster time an element, at most twice the last share (an
 * element's raster varies: long edges cost more than icons), at least 8; `first` for the first.
 */
export function nextShare(last: Share | undefined, rasterMs: number, first = 64): number {
  if (!last || last.count === 0) return first;
  const fit = last.rasterMs > 0 ? Math.floor((rasterMs * last.count) / last.rasterMs) : Infinity;
  return Math.max(8, Math.min(2 * last.count, fit));
}

/** Reads one pixel of every layer: the canvas rasterises what was drawn into it since the last read. */
function rasterise(ltc: LayeredCache): void {
  for (const layers of Object.values(ltc.layersByLevel ?? {})) for (const l of layers ?? []) if (l.width > 0 && l.height > 0) l.context.getImageData(0, 0, 1, 1);
}

/**
 * The renderer's frames stop filling the bitmap until `release`; `fill` draws the next queued
 * element (false when none is left).
 */
function ownFill(ltc: LayeredCache & { dequeue(pxRatio: number): unknown[] }): { fill(pxRatio: number): boolean; release(): void } {
  const dequeue = ltc.dequeue;
  const own = Object.prototype.hasOwnProperty.call(ltc, 'dequeue');
  ltc.dequeue = () => [];
  return {
    fill: (px) => dequeue.call(ltc, px).length > 0,
    release: () => {
      if (own) ltc.dequeue = dequeue;
      else delete (ltc as LayeredCache).dequeue;
    },
  };
}

/** Lets the current task end: the next step runs in a task of its own. */
const task = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The canvas of the last bitmap each canvas's fill made: the next bitmap of the same size is
 * drawn on it again once no layer uses it (a hover's two restyles made two 17 MB allocations
 * of the same size after the expand, 17–270 ms of wall time each on this machine).
 */
const made = new WeakMap<LayeredCache, OffscreenCanvas | HTMLCanvasElement>();

/** `canvas`, unless a layer (or a layer's replacement) still draws on it. */
function unused(ltc: LayeredCache, canvas: OffscreenCanvas | HTMLCanvasElement | undefined): OffscreenCanvas | HTMLCanvasElement | undefined {
  if (!canvas) return undefined;
  for (const layers of Object.values(ltc.layersByLevel ?? {})) for (const l of layers ?? []) if (l.canvas === canvas || l.replacement?.canvas === canvas) return undefined;
  return canvas;
}

/** The fill under way on each canvas: a new one `now` stops it and waits for it to let go. */
const running = new WeakMap<LayeredCache, { stop(): void; done: Promise<unknown> }>();

export interface FillOptions {
  /** Checked between steps: true stops the fill (the view moved, the change was undone…). */
  over?: () => boolean;
  /** The bitmap is started only once the canvas has had no change for this long, ms (default 0). */
  settleMs?: number;
  /**
   * The change is complete: start even within the renderer's 250 ms after it (its `skipping`),
   * and stop a fill under way (otherwise this one leaves it to finish, and is 'later').
   */
  now?: boolean;
  /** Raster time a share of the fill aims at, ms (default 20). */
  rasterMs?: number;
  /** Drawing into the bitmap a task at most, ms (default 12). */
  budgetMs?: number;
}

/**
 * Makes and fills the current zoom level's bitmap in tasks of its own (see above). 'layers' once
 * it is complete, 'later' when the canvas has not settled, 'direct' when no bitmap was made (no
 * layered cache, a bitmap too large, the elements changed or `over` meanwhile).
 */
export async function fillLayers(cy: Core, opts: FillOptions = {}): Promise<'layers' | 'later' | 'direct'> {
  const r = rendererOf(cy);
  const ltc = r?.data?.lyrTxrCache;
  if (!r?.getPixelRatio || !ltc?.dequeue || !ltc.layersByLevel || ltc.firstGet !== false) return 'direct';
  const cache = ltc as LayeredCache & { dequeue(pxRatio: number): unknown[] };
  // A fill under way finishes the same level: a later one leaves it alone, unless it is `now`.
  if (running.has(cache) && !opts.now) return 'later';
  for (let before = running.get(cache); before; before = running.get(cache)) {
    before.stop();
    await before.done;
  }
  let stopped = false;
  let finish = () => {};
  running.set(cache, { stop: () => void (stopped = true), done: new Promise((resolve) => (finish = () => resolve(undefined))) });
  const over = () => stopped || cy.destroyed() || (opts.over?.() ?? false);
  let fill: ReturnType<typeof ownFill> | undefined;
  try {
    if (layersReady(cy)) return 'layers';
    if (!opts.now && (cache.skipping || !settled(performance.now(), cache.lastInvalidationTime, opts.settleMs ?? 0))) return 'later';
    // Every element's bounds here, the bitmap's pixels in the next task: neither in the
    // queueing's. A level with a bitmap under way (queued before, or by a frame) has its canvas;
    // one whose bitmap is complete but stale (the change left it behind) needs a new one.
    const level = bitmapLevel(cy.zoom(), r.getPixelRatio());
    // Zoomed in this close, the renderer draws elements, not a bitmap.
    if (level === undefined) return 'direct';
    const layers = cache.layersByLevel?.[level] ?? [];
    const spare = layers.some((l) => (l.reqs ?? 0) > 0 && !l.invalid) ? undefined : spareLayerCanvas(cy, unused(cache, made.get(cache)));
    if (spare) {
      await task();
      if (over()) return 'direct';
      spare.allocate();
      await task();
      if (over()) return 'direct';
    }
    // The renderer starts a bitmap only 250 ms after the last change, in case more come (set
    // again before each frame, the flag matters only to this call).
    if (opts.now) cache.skipping = false;
    const giveBack = spare?.lend();
    const queued = queueLayers(cy, opts.now ? 0 : (opts.settleMs ?? 0));
    giveBack?.();
    if (queued !== 'done') return 'later';
    const canvas = cache.layersByLevel?.[level]?.[0]?.canvas;
    if (canvas) made.set(cache, canvas);
    fill = ownFill(cache);
    const rasterMs = opts.rasterMs ?? 20;
    const budget = opts.budgetMs ?? 12;
    let last: Share | undefined;
    for (;;) {
      if (layersReady(cy)) return 'layers';
      // Nothing left to fill and not complete: no bitmap can be made at this zoom, or it changed.
      if (!cache.layersQueue?.size()) return 'direct';
      await task();
      if (over()) return 'direct';
      const px = r.getPixelRatio();
      const most = nextShare(last, rasterMs);
      const start = performance.now();
      let count = 0;
      while (count < most && performance.now() - start < budget && fill.fill(px)) count++;
      await task();
      if (over()) return 'direct';
      const t = performance.now();
      rasterise(cache);
      last = { count, rasterMs: performance.now() - t };
    }
  } finally {
    fill?.release();
    running.delete(cache);
    finish();
  }
}

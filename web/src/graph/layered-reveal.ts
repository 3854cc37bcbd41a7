/**
 * Shows a big change (thousands of elements added or moved) by one bitmap instead of one
 * element at a time.
 *
 * After a change, Cytoscape's canvas renderer draws every element, one by one, in the next
 * frame: for 2,217 elements in a software canvas that frame was the longest task of an
 * expansion (30–60 ms of script, then 40–80 ms more to rasterise what the script recorded, at
 * load 5–6). Once nothing has changed for 250 ms, the renderer instead fills a bitmap of the
 * whole graph (its layered texture, warm-layers.ts) an element at a time, a share of each
 * frame, and frames draw that one bitmap once it is complete.
 *
 * `revealOnLayers` holds every frame after such a change (Cytoscape's `skipFrame`: a held frame
 * runs its before-render work but draws nothing) until that bitmap is complete, and makes it in
 * tasks of its own: every element's bounds, the bitmap's canvas (layer-canvas.ts), the queueing
 * (the renderer waits 250 ms after the last change in case more come; this change is complete),
 * then shares of the fill, each rasterised in the next task (a canvas records drawing and
 * rasterises it when read; left alone, the whole bitmap's raster would fall in the frame that
 * first draws it). The renderer's frames fill nothing meanwhile: their share (up to 15 ms of
 * drawing) was rasterised wherever the canvas was read next. A share is sized by the last
 * one's raster time (`nextShare`): the raster, not the drawing, is the costly half, and it
 * varies by element (at load 6–7: 300 long edges 54–62 ms, 273 nodes 15). The change then
 * appears in one cheap frame, the fill later than it would have: the picture is the one
 * Cytoscape draws from the same bitmap once changes settle.
 *
 * It gives up, and lets the next frame draw as before, when the renderer has no layered texture
 * (WebGL, headless, another version), when the view moves (another zoom needs another bitmap) or
 * after `maxWaitMs`.
 */
import type { Core } from 'cytoscape';
import { afterNextFrame, prepareFrame } from './cy-apply';
import { spareLayerCanvas } from './layer-canvas';
import { layersReady, queueLayers } from './warm-layers';

interface Layer {
  context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
  width: number;
  height: number;
}

/** What `revealOnLayers` uses of Cytoscape 3.x's layered texture cache. */
interface LayeredCache {
  layersByLevel?: Record<number, Layer[] | undefined>;
  layersQueue?: { size(): number };
  /** Set by the renderer before each frame: within 250 ms of a change, no bitmap is started. */
  skipping?: boolean;
  /** Draws the next queued element into its layer; empty when nothing is queued. The renderer's frames call it too. */
  dequeue?(pxRatio: number): unknown[];
}

interface Renderer {
  skipFrame?: boolean;
  startRenderLoop?: unknown;
  getPixelRatio?(): number;
  getCachedZSortedEles?(): unknown;
  data?: { lyrTxrCache?: LayeredCache };
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

export interface RevealOptions {
  /** Raster time a share of the fill aims at, ms (default 20). */
  rasterMs?: number;
  /** Drawing into the bitmap a task at most, ms (default 12). */
  budgetMs?: number;
  /** Give up holding after this long, ms (default 3000). */
  maxWaitMs?: number;
  /** Waits for the next frame and lets it end (default `afterNextFrame`). */
  nextFrame?: () => Promise<unknown>;
  signal?: AbortSignal;
}

/** What `revealOnLayers` ended with: the bitmap was complete, or the next frame draws element by element. */
export type Reveal = 'layers' | 'direct';

/** Lets the current task end: the next step runs in a task of its own. */
const task = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Reads one pixel of every layer: the canvas rasterises what was drawn into it since the last read. */
function rasterise(ltc: LayeredCache): void {
  for (const layers of Object.values(ltc.layersByLevel ?? {})) for (const l of layers ?? []) if (l.width > 0 && l.height > 0) l.context.getImageData(0, 0, 1, 1);
}

/**
 * Holds every frame until the returned function is called (the render loop clears `skipFrame`
 * after each frame: set again between two tasks, a second frame before the next task drew).
 */
function holdFrames(r: Renderer): () => void {
  Object.defineProperty(r, 'skipFrame', { configurable: true, get: () => true, set: () => {} });
  return () => {
    delete r.skipFrame;
    r.skipFrame = false;
  };
}

/**
 * The renderer's frames stop filling the bitmap until the returned `release`; `fill` draws the
 * next queued element (false when none is left).
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

/**
 * Holds the canvas's frames until its layered bitmap holds every element (see above). Call it
 * right after the change, in the same task (before the next frame draws).
 */
export async function revealOnLayers(cy: Core, opts: RevealOptions = {}): Promise<Reveal> {
  const r = cy.destroyed() ? undefined : (cy as unknown as { renderer(): Renderer | undefined }).renderer();
  const ltc = r?.data?.lyrTxrCache;
  if (!r?.getPixelRatio || typeof r.startRenderLoop !== 'function' || !ltc?.layersByLevel || !ltc.dequeue) return 'direct';
  const cache = ltc as LayeredCache & { dequeue(pxRatio: number): unknown[] };
  const nextFrame = opts.nextFrame ?? afterNextFrame;
  const budget = opts.budgetMs ?? 12;
  const rasterMs = opts.rasterMs ?? 20;
  const until = performance.now() + (opts.maxWaitMs ?? 3000);
  let moved = false;
  const onViewport = () => void (moved = true);
  cy.on('viewport', onViewport);
  const over = () => cy.destroyed() || moved || opts.signal?.aborted || performance.now() > until;
  const release = holdFrames(r);
  let fill: ReturnType<typeof ownFill> | undefined;
  try {
    await nextFrame();
    if (over()) return 'direct';
    // Style and geometry work still queued would invalidate the bitmap once it is started; the
    // elements' drawing order (z-sorted, cached until they change) is needed to queue them.
    prepareFrame(cy);
    r.getCachedZSortedEles?.();
    await task();
    if (over()) return 'direct';
    // Every element's bounds here, the bitmap's pixels in the next task: neither in the queueing's.
    const spare = spareLayerCanvas(cy);
    await task();
    if (over()) return 'direct';
    spare?.allocate();
    await task();
    if (over()) return 'direct';
    // The renderer starts a bitmap only 250 ms after the last change, in case more come; this
    // change is complete (set again before each frame, the flag matters only to this call).
    cache.skipping = false;
    const giveBack = spare?.lend();
    const queued = queueLayers(cy);
    giveBack?.();
    if (queued !== 'done') return 'direct';
    fill = ownFill(cache);
    let last: Share | undefined;
    for (;;) {
      if (layersReady(cy)) return 'layers';
      // Nothing left to fill and not complete: no bitmap can be made at this zoom.
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
    release();
    if (!cy.destroyed()) cy.removeListener('viewport', onViewport);
  }
}

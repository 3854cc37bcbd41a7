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
 * `revealOnLayers` holds the frames after such a change (Cytoscape's `skipFrame`: the frame runs
 * its before-render work, which fills the bitmap ≤ 15 ms a frame, but draws nothing) until the
 * bitmap is complete. It queues the bitmap at once (the renderer waits 250 ms after the last
 * change in case more come; this change is complete), fills it in tasks of its own between the
 * frames (`budgetMs` of drawing each: the renderer's own share was too slow on a busy machine),
 * and has what each task or frame drew rasterised in a task of its own (a canvas records drawing
 * and rasterises it when read; left alone, the whole bitmap's raster would fall in the frame that
 * first draws it). The change then appears in one cheap frame, the fill later than it would
 * have: the picture is the one Cytoscape draws from the same bitmap once changes settle.
 *
 * It gives up, and lets the next frame draw as before, when the renderer has no layered texture
 * (WebGL, headless, another version), when the view moves (another zoom needs another bitmap) or
 * after `maxWaitMs`.
 */
import type { Core } from 'cytoscape';
import { afterNextFrame, prepareFrame } from './cy-apply';
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
  /** Draws the next queued element into its layer; empty when nothing is queued. */
  dequeue?(pxRatio: number): unknown[];
}

interface Renderer {
  skipFrame?: boolean;
  startRenderLoop?: unknown;
  getPixelRatio?(): number;
  getCachedZSortedEles?(): unknown;
  data?: { lyrTxrCache?: LayeredCache };
}

export interface RevealOptions {
  /** Drawing into the bitmap a task, ms (default 20; rasterising it takes about as long again, in a task of its own). */
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
 * Holds the canvas's frames until its layered bitmap holds every element (see above). Call it
 * right after the change, in the same task (before the next frame draws).
 */
export async function revealOnLayers(cy: Core, opts: RevealOptions = {}): Promise<Reveal> {
  const r = cy.destroyed() ? undefined : (cy as unknown as { renderer(): Renderer | undefined }).renderer();
  const ltc = r?.data?.lyrTxrCache;
  if (!r?.getPixelRatio || typeof r.startRenderLoop !== 'function' || !ltc?.layersByLevel || !ltc.dequeue) return 'direct';
  const nextFrame = opts.nextFrame ?? afterNextFrame;
  const budget = opts.budgetMs ?? 20;
  const until = performance.now() + (opts.maxWaitMs ?? 3000);
  let moved = false;
  const onViewport = () => void (moved = true);
  cy.on('viewport', onViewport);
  const over = () => cy.destroyed() || moved || opts.signal?.aborted || performance.now() > until;
  // Each step in a task of its own after a held frame: the queueing (which allocates the bitmap,
  // the one step that cannot be split), each share of the fill, each raster.
  const hold = async () => {
    r.skipFrame = true;
    await nextFrame();
  };
  // A frame may come between two tasks too: it must not draw either.
  const yieldHeld = async () => {
    r.skipFrame = true;
    await task();
  };
  try {
    await hold();
    if (over()) return 'direct';
    // Style and geometry work still queued would invalidate the bitmap once it is started; the
    // elements' drawing order (z-sorted, cached until they change) is needed to queue them.
    prepareFrame(cy);
    r.getCachedZSortedEles?.();
    await yieldHeld();
    if (over()) return 'direct';
    // The renderer starts a bitmap only 250 ms after the last change, in case more come; this
    // change is complete (set again before each frame, the flag matters only to this call).
    ltc.skipping = false;
    if (queueLayers(cy) !== 'done') return 'direct';
    for (;;) {
      await hold();
      rasterise(ltc);
      if (over()) return 'direct';
      if (layersReady(cy)) return 'layers';
      // Nothing left to fill and not complete: no bitmap can be made at this zoom.
      if (!ltc.layersQueue?.size()) return 'direct';
      await yieldHeld();
      if (over()) return 'direct';
      const px = r.getPixelRatio();
      const start = performance.now();
      while (performance.now() - start < budget && ltc.dequeue(px).length > 0);
      await yieldHeld();
      rasterise(ltc);
      if (layersReady(cy)) return 'layers';
    }
  } finally {
    if (!cy.destroyed()) cy.removeListener('viewport', onViewport);
  }
}

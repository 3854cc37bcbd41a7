/**
 * Shows a big change (thousands of elements added or moved) by one bitmap instead of one
 * element at a time.
 *
 * After a change, Cytoscape's canvas renderer draws every element, one by one, in the next
 * frame: for 2,217 elements in a software canvas that frame was the longest task of an
 * expansion (30–60 ms of script, then 40–80 ms more to rasterise what the script recorded, at
 * load 5–6). Once nothing has changed for 250 ms, it draws its layered bitmap instead, a
 * picture of every element (layer-fill.ts).
 *
 * `revealOnLayers` holds every frame after such a change (Cytoscape's `skipFrame`: a held frame
 * runs its before-render work but draws nothing) while `fillLayers` makes that bitmap at once, in
 * tasks of its own. The change then appears in one cheap frame, later by the fill: the picture is
 * the one Cytoscape draws from the same bitmap once changes settle.
 *
 * It gives up, and lets the next frame draw as before, when the renderer has no layered bitmap
 * (WebGL, headless, another version), when the view moves (another zoom needs another bitmap) or
 * after `maxWaitMs`.
 */
import type { Core } from 'cytoscape';
import { afterNextFrame, prepareFrame } from './cy-apply';
import { fillLayers } from './layer-fill';

interface Renderer {
  skipFrame?: boolean;
  startRenderLoop?: unknown;
  getCachedZSortedEles?(): unknown;
  data?: { lyrTxrCache?: unknown };
}

export interface RevealOptions {
  /** Raster time a share of the fill aims at, ms (fillLayers' default). */
  rasterMs?: number;
  /** Drawing into the bitmap a task at most, ms (fillLayers' default). */
  budgetMs?: number;
  /** Give up holding after this long, ms (default 3000). */
  maxWaitMs?: number;
  /** Waits for the next frame and lets it end (default `afterNextFrame`). */
  nextFrame?: () => Promise<unknown>;
  signal?: AbortSignal;
}

/** What `revealOnLayers` ended with: the bitmap was complete, or the next frame draws element by element. */
export type Reveal = 'layers' | 'direct';

/** How many reveals hold each renderer's frames (one that ends must not let go of another's hold). */
const holds = new WeakMap<Renderer, number>();

/**
 * Holds every frame until the returned function is called (the render loop clears `skipFrame`
 * after each frame: set again between two tasks, a second frame before the next task drew every
 * element, 84–115 ms).
 */
function holdFrames(r: Renderer): () => void {
  const n = holds.get(r) ?? 0;
  if (n === 0) Object.defineProperty(r, 'skipFrame', { configurable: true, get: () => true, set: () => {} });
  holds.set(r, n + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (holds.get(r) ?? 1) - 1;
    holds.set(r, left);
    if (left > 0) return;
    delete r.skipFrame;
    r.skipFrame = false;
  };
}

/**
 * Holds the canvas's frames until its layered bitmap holds every element (see above). Call it
 * right after the change, in the same task (before the next frame draws).
 */
export async function revealOnLayers(cy: Core, opts: RevealOptions = {}): Promise<Reveal> {
  const r = cy.destroyed() ? undefined : (cy as unknown as { renderer(): Renderer | undefined }).renderer();
  if (typeof r?.startRenderLoop !== 'function' || !r.data?.lyrTxrCache) return 'direct';
  const nextFrame = opts.nextFrame ?? afterNextFrame;
  const until = performance.now() + (opts.maxWaitMs ?? 3000);
  let moved = false;
  const onViewport = () => void (moved = true);
  cy.on('viewport', onViewport);
  const over = () => cy.destroyed() || moved || (opts.signal?.aborted ?? false) || performance.now() > until;
  const release = holdFrames(r);
  try {
    await nextFrame();
    if (over()) return 'direct';
    // Style and geometry work still queued would invalidate the bitmap once it is started; the
    // elements' drawing order (z-sorted, cached until they change) is needed to queue them.
    prepareFrame(cy);
    r.getCachedZSortedEles?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (over()) return 'direct';
    const filled = await fillLayers(cy, { over, now: true, rasterMs: opts.rasterMs, budgetMs: opts.budgetMs });
    return filled === 'layers' ? 'layers' : 'direct';
  } finally {
    release();
    if (!cy.destroyed()) cy.removeListener('viewport', onViewport);
  }
}

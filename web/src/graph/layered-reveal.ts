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
 * its before-render work, which fills the bitmap, but draws nothing) until the bitmap is
 * complete, and has each frame's share rasterised right after it (a canvas records drawing and
 * rasterises it when read; left alone, the whole bitmap's raster would fall in the frame that
 * first draws it). The change then appears in one cheap frame, 250 ms plus the fill later than
 * it would have: the picture is the one Cytoscape draws from the same bitmap once changes settle.
 *
 * It gives up, and lets the next frame draw as before, when the renderer has no layered texture
 * (WebGL, headless, another version), when the view moves (another zoom needs another bitmap) or
 * after `maxWaitMs`.
 */
import type { Core } from 'cytoscape';
import { afterNextFrame } from './cy-apply';
import { layersReady, queueLayers } from './warm-layers';

interface Layer {
  context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
  width: number;
  height: number;
}

interface Renderer {
  skipFrame?: boolean;
  startRenderLoop?: unknown;
  data?: { lyrTxrCache?: { layersByLevel?: Record<number, Layer[] | undefined>; layersQueue?: { size(): number } } };
}

export interface RevealOptions {
  /** Give up holding after this long, ms (default 1500). */
  maxWaitMs?: number;
  /** Waits for the next frame and lets it end (default `afterNextFrame`). */
  nextFrame?: () => Promise<unknown>;
  signal?: AbortSignal;
}

/** What `revealOnLayers` ended with: the bitmap was complete, or the next frame draws element by element. */
export type Reveal = 'layers' | 'direct';

/** Reads one pixel of every layer: the canvas rasterises what was drawn into it since the last read. */
function rasterise(layers: readonly Layer[]): void {
  for (const l of layers) if (l.width > 0 && l.height > 0) l.context.getImageData(0, 0, 1, 1);
}

/**
 * Holds the canvas's frames until its layered bitmap holds every element (see above). Call it
 * right after the change, in the same task (before the next frame draws).
 */
export async function revealOnLayers(cy: Core, opts: RevealOptions = {}): Promise<Reveal> {
  const r = cy.destroyed() ? undefined : (cy as unknown as { renderer(): Renderer | undefined }).renderer();
  const ltc = r?.data?.lyrTxrCache;
  if (!r || typeof r.startRenderLoop !== 'function' || !ltc?.layersByLevel) return 'direct';
  const nextFrame = opts.nextFrame ?? afterNextFrame;
  const until = performance.now() + (opts.maxWaitMs ?? 1500);
  let moved = false;
  const onViewport = () => void (moved = true);
  cy.on('viewport', onViewport);
  try {
    let queued = false;
    for (;;) {
      if (cy.destroyed() || moved || opts.signal?.aborted || performance.now() > until) return 'direct';
      if (queued && layersReady(cy)) return 'layers';
      if (!queued) queued = queueLayers(cy) === 'done';
      // Queued, yet nothing to fill and not complete: no bitmap can be made at this zoom.
      else if (!ltc.layersQueue?.size()) return 'direct';
      r.skipFrame = true;
      await nextFrame();
      for (const layers of Object.values(ltc.layersByLevel)) if (layers) rasterise(layers);
    }
  } finally {
    if (!cy.destroyed()) cy.removeListener('viewport', onViewport);
  }
}

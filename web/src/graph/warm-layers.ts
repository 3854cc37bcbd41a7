/**
 * Keeps the canvas renderer's layered texture ready, so that panning a large graph draws one image
 * instead of every element.
 *
 * Cytoscape's canvas renderer draws a still graph into a bitmap per zoom level (its layered
 * texture cache) and, once that bitmap holds every element, pans by drawing the bitmap alone. But
 * it starts the bitmap only on a frame drawn 250 ms after the last change, and fills it an
 * element at a time with a share of each frame. After a graph is added or laid out nothing draws
 * again until the user moves the view, so the first seconds of panning redraw every element a
 * frame: 5,000 nodes and 10,000 edges panned by code at 0.7–1 frames/s in the bench (software
 * canvas, busy machine), and at 40 frames/s once the bitmap was complete.
 *
 * `keepLayersWarm` makes the bitmap of the current zoom level 300 ms after each drawn frame
 * (once changes have settled), in tasks of its own (layer-fill.ts), so this adds no long task.
 * It reaches into the renderer's internals (Cytoscape 3.x
 * `renderer().data.lyrTxrCache`); where they are missing (the WebGL renderer, another version)
 * it does nothing.
 */
import type { Core } from 'cytoscape';
import { fillLayers, layersReady } from './layer-fill';

/**
 * From now on, makes the current zoom level's bitmap `delayMs` after each frame the canvas draws,
 * once it has had no change for that long (`fillLayers`, in tasks of its own). Returns a stop
 * function.
 */
export function keepLayersWarm(cy: Core, delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A zoom or a change meanwhile needs another bitmap: the next frame's timer makes it.
      const zoom = cy.zoom();
      void fillLayers(cy, { settleMs: delayMs, over: () => stopped || cy.zoom() !== zoom }).then((done) => {
        // Still within 250 ms of a change (the cache skips then): try again later.
        if (done === 'later' && !stopped) later();
      });
    }, delayMs);
  };
  cy.on('render', later);
  return () => {
    stopped = true;
    clearTimeout(timer);
    if (!cy.destroyed()) cy.removeListener('render', later);
  };
}

/** The canvas renderer's viewport optimisations (Cytoscape reads them as renderer fields on every frame). */
export interface ViewportOptions {
  textureOnViewport: boolean;
  hideEdgesOnViewport: boolean;
}

/**
 * How a mouse pan should draw. With the layered bitmap complete, a pan frame draws that one
 * bitmap (edges included), as a pan by code does: neither a viewport texture (whose first frame
 * draws every node again, at twice the resolution: 1–2.5 s for 5,000 nodes in a software canvas)
 * nor hidden edges (drawn node by node, without the bitmap). Otherwise the options as they are.
 */
export function panOptions(current: ViewportOptions, layersComplete: boolean): ViewportOptions {
  return layersComplete ? { textureOnViewport: false, hideEdgesOnViewport: false } : current;
}

/**
 * After the pan: each option back to what it was before, unless something else (the canvas
 * growing large) changed it during the pan.
 */
export function afterPan(current: ViewportOptions, during: ViewportOptions, before: ViewportOptions): ViewportOptions {
  return {
    textureOnViewport: current.textureOnViewport === during.textureOnViewport ? before.textureOnViewport : current.textureOnViewport,
    hideEdgesOnViewport: current.hideEdgesOnViewport === during.hideEdgesOnViewport ? before.hideEdgesOnViewport : current.hideEdgesOnViewport,
  };
}

/**
 * From now on, a mouse drag of the background pans by drawing the layered bitmap when it is
 * complete (`panOptions`). Wheel and pinch zooms keep the viewport texture: at a new zoom level
 * the layered bitmap has to be made again (or cannot be, past 16 million pixels), and without the
 * texture each of those frames would draw every element. Returns a stop function.
 */
export function panOnLayers(cy: Core): () => void {
  const r = (cy as unknown as { renderer(): Partial<ViewportOptions> | undefined }).renderer();
  if (typeof r?.textureOnViewport !== 'boolean' || typeof r.hideEdgesOnViewport !== 'boolean') return () => {};
  const renderer = r as ViewportOptions;
  const read = (): ViewportOptions => ({ textureOnViewport: renderer.textureOnViewport, hideEdgesOnViewport: renderer.hideEdgesOnViewport });
  const write = (o: ViewportOptions) => Object.assign(renderer, o);
  let pan: { before: ViewportOptions; during: ViewportOptions } | undefined;
  const down = (e: { target: unknown }) => {
    if (pan || e.target !== cy) return;
    const before = read();
    const during = panOptions(before, layersReady(cy));
    write(during);
    pan = { before, during };
  };
  const up = () => {
    if (!pan || cy.destroyed()) return;
    write(afterPan(read(), pan.during, pan.before));
    pan = undefined;
  };
  cy.on('mousedown', down);
  cy.on('mouseup', up);
  return () => {
    up();
    if (cy.destroyed()) return;
    cy.removeListener('mousedown', down);
    cy.removeListener('mouseup', up);
  };
}

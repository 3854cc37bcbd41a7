/**
 * Makes the layered bitmap's canvas (warm-layers.ts) ahead of the task that fills it.
 *
 * Cytoscape's canvas renderer makes a level's bitmap in the task that first asks for it, as one
 * canvas the size of every element's bounds at that level's scale: 2,044 × 2,134 pixels after the
 * bench's expansion (zoom 0.66, level 0). The first drawing into a new canvas allocates and
 * clears its pixels (17 MB), which cannot be split: 17-23 ms alone at load 6, and 37-230 ms of
 * wall time in the reveal's task, where it came together with measuring every element's bounds
 * for the first time and the major GC that the allocation set off.
 *
 * `spareLayerCanvas` does those separately: the bounds in the caller's task (`layerSize`, as
 * Cytoscape will compute them), the canvas and its pixels in `allocate` (a task of its own), and
 * `lend` hands that canvas to the renderer's next request of that size, in the task that queues
 * the bitmap. Elsewhere (no canvas renderer, a bitmap too large to make) it does nothing.
 */
import type { Core } from 'cytoscape';

export interface Bounds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Cytoscape 3.x's layered texture limits (LayeredTextureCache: minLvl, maxLvl, maxZoom, maxLayerArea, maxLayerDim). */
const MIN_LEVEL = -4;
const MAX_LEVEL = 2;
const MAX_ZOOM = 3.99;
const MAX_AREA = 4000 * 4000;
const MAX_SIDE = 32767;

/**
 * The level of the bitmap Cytoscape draws at this zoom (LayeredTextureCache getLayers):
 * ⌈log₂(zoom × pixel ratio)⌉, at least −4; undefined where it draws none (zoomed in past level 2
 * or 3.99).
 */
export function bitmapLevel(zoom: number, pxRatio: number): number | undefined {
  // + 0: a zoom between 0.5 and 1 gives −0.
  const level = Math.ceil(Math.log2(zoom * pxRatio)) + 0;
  if (level < MIN_LEVEL) return MIN_LEVEL;
  return zoom >= MAX_ZOOM || level > MAX_LEVEL ? undefined : level;
}

/**
 * The level and pixel size of the bitmap Cytoscape makes for elements with these bounds at this
 * zoom (LayeredTextureCache getLayers and makeLayer): `bitmapLevel`, the union of the bounds
 * scaled by 2^level, rounded up. Undefined where it makes none (too close a zoom, too large a
 * bitmap, nothing to draw).
 */
export function layerSize(bounds: Iterable<Bounds>, zoom: number, pxRatio: number): { level: number; width: number; height: number } | undefined {
  const level = bitmapLevel(zoom, pxRatio);
  if (level === undefined) return undefined;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const b of bounds) {
    x1 = Math.min(x1, b.x1);
    y1 = Math.min(y1, b.y1);
    x2 = Math.max(x2, b.x2);
    y2 = Math.max(y2, b.y2);
  }
  if (!(x2 >= x1 && y2 >= y1)) return undefined;
  const scale = 2 ** level;
  const width = Math.ceil((x2 - x1) * scale);
  const height = Math.ceil((y2 - y1) * scale);
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_AREA || width === 0 || height === 0) return undefined;
  return { level, width, height };
}

type AnyCanvas = OffscreenCanvas | HTMLCanvasElement;

/** What `spareLayerCanvas` uses of Cytoscape 3.x's canvas renderer. */
interface Renderer {
  makeOffscreenCanvas?(width: number, height: number): AnyCanvas;
  getPixelRatio?(): number;
  getCachedZSortedEles?(): { nondrag?: { boundingBox(): Bounds }[] };
  data?: { lyrTxrCache?: unknown };
}

export interface SpareLayer {
  width: number;
  height: number;
  /** Makes the canvas and its pixels, or clears the one to reuse (the long step: run it in a task of its own). */
  allocate(): void;
  /**
   * Until the returned function is called, the renderer's first request for a canvas of this
   * size gets the spare one (allocated, cleared, transform untouched).
   */
  lend(): () => void;
}

/**
 * Until the returned function is called, the renderer's first request for a canvas of
 * `width` × `height` gets `take()`'s canvas (when it has one); other requests, and every
 * request after that one, are the renderer's own.
 */
export function lendOnce(renderer: { makeOffscreenCanvas(width: number, height: number): AnyCanvas }, width: number, height: number, take: () => AnyCanvas | undefined): () => void {
  const own = Object.prototype.hasOwnProperty.call(renderer, 'makeOffscreenCanvas');
  const make = renderer.makeOffscreenCanvas;
  const restore = () => {
    if (own) renderer.makeOffscreenCanvas = make;
    else delete (renderer as Partial<typeof renderer>).makeOffscreenCanvas;
  };
  renderer.makeOffscreenCanvas = function (w: number, h: number) {
    const spare = w === width && h === height ? take() : undefined;
    if (!spare) return make.call(this, w, h);
    restore();
    return spare;
  };
  return restore;
}

type Context2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/**
 * Clears a canvas a bitmap was drawn on and puts its drawing state back as new (Cytoscape's
 * makeLayer sets the layer's transform relative to the one it finds), without reallocating it.
 */
function clearForReuse(ctx: Context2D, width: number, height: number): void {
  if (typeof ctx.reset === 'function') ctx.reset();
  else {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
  }
}

/**
 * Measures the bitmap Cytoscape would make now for the canvas's elements (their bounds are
 * computed here, and cached for the renderer), and returns a spare canvas of that size to make
 * beforehand: `reuse` when it is that size (a canvas no bitmap uses any more: a hover or a
 * selection restyles an element, which discards the bitmap, and the next one has the same size),
 * cleared instead of allocated. Undefined where the renderer makes none.
 */
export function spareLayerCanvas(cy: Core, reuse?: AnyCanvas): SpareLayer | undefined {
  if (cy.destroyed()) return undefined;
  const r = (cy as unknown as { renderer(): Renderer | undefined }).renderer();
  if (!r?.data?.lyrTxrCache || !r.makeOffscreenCanvas || !r.getPixelRatio || !r.getCachedZSortedEles) return undefined;
  const eles = r.getCachedZSortedEles().nondrag ?? [];
  const size = layerSize(
    eles.map((e) => e.boundingBox()),
    cy.zoom(),
    r.getPixelRatio(),
  );
  if (!size) return undefined;
  const renderer = r as Renderer & { makeOffscreenCanvas(width: number, height: number): AnyCanvas };
  let canvas: AnyCanvas | undefined;
  return {
    width: size.width,
    height: size.height,
    allocate() {
      const again = reuse?.width === size.width && reuse.height === size.height;
      canvas = again ? reuse : renderer.makeOffscreenCanvas(size.width, size.height);
      const ctx = canvas?.getContext('2d') as Context2D | null;
      if (ctx && again) clearForReuse(ctx, size.width, size.height);
      // Reading a pixel makes the canvas allocate and clear its pixels now.
      ctx?.getImageData(0, 0, 1, 1);
    },
    lend: () =>
      lendOnce(renderer, size.width, size.height, () => {
        const spare = canvas;
        canvas = undefined;
        return spare;
      }),
  };
}

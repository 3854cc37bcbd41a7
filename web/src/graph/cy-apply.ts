/**
 * Adding or moving many elements on the canvas without freezing the page: in slices, each in a
 * task of its own between two frames, sized so that the slice's own work takes about `budgetMs`.
 *
 * Left to itself, Cytoscape styles, measures (labels, bounds, edge ends) and caches a texture for
 * every new or moved element in the frame that draws it, the same task as that frame's full
 * redraw; 2,000 new elements at once made one task of 1.3 s in a software canvas. Here a slice
 * does that work itself (`prepareFrame`), so the frame after it only draws. Every frame after a
 * change still redraws the whole canvas (Cytoscape's layered bitmap is only used once changes
 * have settled), which no slicing removes: that is why the slices are sized by their own cost
 * alone and grow as large as the budget allows: the fewer slices, the fewer full redraws.
 */
import type { Collection, Core, ElementDefinition, NodeCollection } from 'cytoscape';

export interface SliceOptions {
  /** Time for one slice's own work, ms (default 40: long tasks start at 50). */
  budgetMs?: number;
  /** A slice is applied this many items at a time (default 20), until its time is up. */
  chunk?: number;
  /** Items in a slice at most (default 2000). */
  maxSlice?: number;
  /** Waits until the next slice may run (default `afterNextFrame`). */
  nextFrame?: () => Promise<unknown>;
  signal?: AbortSignal;
  /** Called after each slice is applied (the bench counts them). */
  onSlice?: () => void;
  /** Called after every slice but the last, before waiting (`holdDrawing`). */
  hold?: () => void;
  /**
   * Called after the last slice, before waiting: `skipNextFrame` when what follows the slices
   * draws the result itself (`revealOnLayers`), so that no frame draws it element by element first.
   */
  holdLast?: () => void;
  /** The clock, ms (default performance.now). */
  now?: () => number;
}

/**
 * Resolves in a task of its own once the next frame has been drawn. A frame's animation
 * callbacks (Cytoscape draws in one) and its paint run in one task: a slice applied from a
 * frame callback would add its work to that frame's.
 */
export const afterNextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Runs `apply` over `items` a slice a task: each slice applies `chunk` items at a time until
 * `budgetMs` have passed (or `maxSlice` items), then waits for `nextFrame`. Slices are timed
 * as they run rather than sized from the last one's cost: the cost of an item varies (a node in
 * view gets its textures drawn, one out of view does not; a busy machine runs slower), and a
 * slice sized from a cheap one could take several times the budget. Resolves with the number
 * of slices.
 */
export async function inSlices<T>(items: readonly T[], apply: (chunk: T[]) => void, opts: SliceOptions = {}): Promise<number> {
  const budget = opts.budgetMs ?? 40;
  const chunk = Math.max(1, opts.chunk ?? 20);
  const max = Math.max(chunk, opts.maxSlice ?? 2000);
  const nextFrame = opts.nextFrame ?? afterNextFrame;
  const now = opts.now ?? (() => performance.now());
  let slices = 0;
  for (let i = 0; i < items.length; ) {
    if (opts.signal?.aborted) break;
    const t = now();
    const end = Math.min(items.length, i + max);
    do {
      const part = items.slice(i, Math.min(end, i + chunk));
      apply(part);
      i += part.length;
    } while (i < end && now() - t < budget);
    slices++;
    opts.onSlice?.();
    if (i < items.length) opts.hold?.();
    else opts.holdLast?.();
    await nextFrame();
  }
  return slices;
}

/**
 * Adds nodes, then edges, a slice at a time, each made ready to draw (`prepareFrame`), the canvas
 * drawn only every `drawEveryMs` meanwhile (`holdDrawing`). Resolves with the number of slices.
 */
export function addInSlices(cy: Core, els: readonly ElementDefinition[], opts: SliceOptions & { drawEveryMs?: number } = {}): Promise<number> {
  const ordered = [...els.filter((e) => e.data.source === undefined), ...els.filter((e) => e.data.source !== undefined)];
  return inSlices(
    ordered,
    (slice) => {
      let added = cy.collection();
      cy.batch(() => {
        added = cy.add(slice);
      });
      prepareFrame(cy, { fresh: added });
    },
    { hold: holdDrawing(cy, opts.drawEveryMs), ...opts },
  );
}

/**
 * Whether a frame due at `now` may draw while slices are still coming: only once `everyMs` have
 * passed since the last frame that drew, so that a long addition still shows its progress.
 */
export const drawDue = (now: number, lastDraw: number, everyMs: number): boolean => now - lastDraw >= everyMs;

/**
 * Whether a frame drawing `count` elements should take at most `budgetMs` of script, judged by
 * the last drawn frame (`lastMs` for `lastCount` elements): the cost of a full redraw grows
 * with the elements drawn.
 */
export const drawAffordable = (lastMs: number, lastCount: number, count: number, budgetMs: number): boolean => lastMs * (count / Math.max(1, lastCount)) <= budgetMs;

/**
 * Script time of a progress frame at most, ms. Rasterising what the script drew takes about as
 * long again, in the same task: 2,217 elements took 30–60 ms of script and 30–80 ms of raster
 * at load 5–6 (software canvas), so a canvas that large shows its progress no more.
 */
export const PROGRESS_DRAW_MS = 25;

/** Cytoscape's own measure of its last drawn frame's script, ms (0 where there is none). */
const lastRedrawMs = (cy: Core): number => (cy as unknown as { renderer(): { lastRedrawTime?: number } | undefined }).renderer()?.lastRedrawTime ?? 0;

/**
 * A `hold` for `inSlices`: the next frame does not draw (`skipNextFrame`), unless `drawDue` and
 * `drawAffordable` within `budgetMs`. Every frame after a change redraws every element, so
 * holding the frames between slices saves a full redraw a slice, and a progress frame is drawn
 * only while a full redraw is cheap. Does nothing where the renderer has no render loop (headless).
 */
export function holdDrawing(cy: Core, everyMs = 1000, budgetMs = PROGRESS_DRAW_MS): () => void {
  let lastDraw = performance.now();
  let drawn = { ms: lastRedrawMs(cy), count: cy.elements().length };
  let pending: number | undefined;
  return () => {
    if (cy.destroyed()) return;
    const count = cy.elements().length;
    // The progress frame let through last time has drawn since: its cost is the one to go by.
    if (pending !== undefined) drawn = { ms: lastRedrawMs(cy), count: pending };
    pending = undefined;
    const now = performance.now();
    if (drawDue(now, lastDraw, everyMs) && drawAffordable(drawn.ms, drawn.count, count, budgetMs)) {
      lastDraw = now;
      pending = count;
    } else skipNextFrame(cy);
  };
}

/**
 * Makes the canvas's next frame draw nothing (Cytoscape's render loop skips a frame whose
 * renderer has `skipFrame` set: it runs only the before-render work, and draws in the next frame
 * not skipped). Does nothing where the renderer has no render loop (headless).
 */
export function skipNextFrame(cy: Core): void {
  if (cy.destroyed()) return;
  const r = (cy as unknown as { renderer(): { skipFrame?: boolean; startRenderLoop?: unknown } | undefined }).renderer();
  if (typeof r?.startRenderLoop === 'function') r.skipFrame = true;
}

/** What `prepareFrame` uses of Cytoscape 3.x's renderers; the headless one has none of it. */
interface Renderer {
  flushRenderedStyleQueue?(): void;
  getPixelRatio?(): number;
  drawCachedElement?(context: CanvasRenderingContext2D, ele: unknown, pxRatio: number, extent: unknown): void;
}

let scratch: CanvasRenderingContext2D | null | undefined;

/**
 * Does now, in the caller's task, what the next frame would do before drawing: styles and
 * measures every element changed since the last frame (labels, edge ends), computes the bounds
 * of `moved` nodes and their edges, and, for `fresh` elements in view, draws them once through
 * the renderer's caches into a one-pixel canvas so that their bounds and textures (shape and
 * icons, label) exist. The frame then only copies textures. Uses the canvas renderer's
 * internals; where they are missing (headless, WebGL) it does only what the public API can
 * (bounds).
 */
export function prepareFrame(cy: Core, { fresh, moved }: { fresh?: Collection; moved?: NodeCollection } = {}): void {
  if (cy.destroyed()) return;
  const r = (cy as unknown as { renderer(): Renderer | undefined }).renderer();
  r?.flushRenderedStyleQueue?.();
  moved?.union(moved.connectedEdges()).boundingBox();
  if (!fresh?.length) return;
  if (!r?.drawCachedElement || !r.getPixelRatio || typeof document === 'undefined') {
    fresh.boundingBox();
    return;
  }
  if (scratch === undefined) {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    scratch = canvas.getContext('2d', { willReadFrequently: true });
  }
  if (!scratch) return;
  const extent = cy.extent();
  const px = r.getPixelRatio();
  fresh.forEach((ele) => r.drawCachedElement!(scratch!, ele, px, extent));
  // Chromium records canvas drawing and runs it later: reading a pixel runs it now.
  scratch.getImageData(0, 0, 1, 1);
}

/**
 * Adding many elements to the canvas without freezing the page: in slices, one per frame, each
 * sized so that adding it and drawing the frame take about `budgetMs`. Cytoscape styles, measures
 * and caches a texture for every new element in the frame after it is added (2,000 at once: one
 * task of 1.3 s in a software canvas). Every frame after a change also redraws the whole canvas
 * (~50 ms for 2,000 elements there), which no slicing removes.
 *
 * Moving thousands of nodes goes the same way (workspace/canvas-apply.ts): the frame after a move
 * recomputes the geometry of every moved node and its edges. Measured by the thread's CPU time on
 * a busy machine (web bench, fcose placing 2,021 elements): one batch, a task of 167 ms; slices,
 * at most 117 ms, for twice the CPU in all, since each slice's frame redraws everything again.
 */
import type { Core, ElementDefinition } from 'cytoscape';

export interface SliceOptions {
  /** Time for one slice and its frame, ms (default 40: long tasks start at 50). */
  budgetMs?: number;
  /** Elements in the first slice (default 50); later slices follow the measured cost. */
  firstSlice?: number;
  minSlice?: number;
  maxSlice?: number;
  /** Waits for the next frame (default requestAnimationFrame). */
  nextFrame?: () => Promise<unknown>;
  signal?: AbortSignal;
  /** Called after each slice is applied (the bench counts them). */
  onSlice?: () => void;
}

const raf = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/**
 * The next slice's size: as many as fit `budgetMs` at the last slice's cost per element, but at
 * most twice the last (one cheap frame, say while the page was hidden, must not license a slice
 * that takes a second), within `min` and `max`.
 */
export function nextSliceSize(size: number, spentMs: number, { budgetMs, min, max }: { budgetMs: number; min: number; max: number }): number {
  const fit = spentMs > 0 ? Math.round((size * budgetMs) / spentMs) : max;
  return Math.max(min, Math.min(max, 2 * size, fit));
}

/** Runs `apply` over `items` a slice a frame, sizing slices by the measured cost. Resolves with the number of slices. */
export async function inSlices<T>(items: readonly T[], apply: (slice: T[]) => void, opts: SliceOptions = {}): Promise<number> {
  const budget = opts.budgetMs ?? 40;
  const min = opts.minSlice ?? 20;
  const max = opts.maxSlice ?? 2000;
  const nextFrame = opts.nextFrame ?? raf;
  let size = Math.max(1, opts.firstSlice ?? 50);
  let slices = 0;
  for (let i = 0; i < items.length; ) {
    if (opts.signal?.aborted) break;
    const t = performance.now();
    const slice = items.slice(i, i + size);
    apply(slice);
    i += slice.length;
    slices++;
    opts.onSlice?.();
    await nextFrame();
    size = nextSliceSize(slice.length, performance.now() - t, { budgetMs: budget, min, max });
  }
  return slices;
}

/** Adds nodes, then edges, a slice a frame. Resolves with the number of slices. */
export function addInSlices(cy: Core, els: readonly ElementDefinition[], opts: SliceOptions = {}): Promise<number> {
  const ordered = [...els.filter((e) => e.data.source === undefined), ...els.filter((e) => e.data.source !== undefined)];
  return inSlices(ordered, (slice) => cy.batch(() => cy.add(slice)), opts);
}

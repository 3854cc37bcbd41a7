/**
 * Adding many elements to the canvas without freezing the page: in slices, one per frame, each
 * sized so that adding it and drawing the frame take about `budgetMs`. Cytoscape styles, measures
 * and caches a texture for every new element in the frame after it is added; 2,000 at once is
 * one task of seconds in a software canvas.
 */
import type { Core, ElementDefinition } from 'cytoscape';

export interface SliceOptions {
  /** Time for one slice and its frame, ms (default 40: long tasks start at 50). */
  budgetMs?: number;
  /** Elements in the first slice (default 200); later slices follow the measured cost. */
  firstSlice?: number;
  maxSlice?: number;
  /** Waits for the next frame (default requestAnimationFrame). */
  nextFrame?: () => Promise<unknown>;
  signal?: AbortSignal;
}

const raf = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Adds nodes, then edges, a slice a frame. Resolves with the number of slices. */
export async function addInSlices(cy: Core, els: readonly ElementDefinition[], opts: SliceOptions = {}): Promise<number> {
  const budget = opts.budgetMs ?? 40;
  const max = opts.maxSlice ?? 2000;
  const nextFrame = opts.nextFrame ?? raf;
  const ordered = [...els.filter((e) => e.data.source === undefined), ...els.filter((e) => e.data.source !== undefined)];
  let size = Math.max(1, opts.firstSlice ?? 200);
  let slices = 0;
  for (let i = 0; i < ordered.length; ) {
    if (opts.signal?.aborted) break;
    const t = performance.now();
    const slice = ordered.slice(i, i + size);
    cy.batch(() => cy.add(slice));
    i += slice.length;
    slices++;
    await nextFrame();
    const spent = performance.now() - t;
    size = Math.max(20, Math.min(max, Math.round(spent > 0 ? (size * budget) / spent : max)));
  }
  return slices;
}

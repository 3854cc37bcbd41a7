import type { CollectionArgument, Core, ElementDefinition, NodeSingular, Position } from 'cytoscape';
import { addInSlices, holdDrawing, inSlices, prepareFrame, skipNextFrame, type SliceOptions } from '../graph/cy-apply';
import { revealOnLayers } from '../graph/layered-reveal';
import { diffElements } from '../graph/elements';

/** From this many new elements, they are added a slice a frame (graph/cy-apply.ts): no long task. */
const SLICE_FROM = 300;
const FIXED_KEYS = new Set(['id', 'source', 'target', 'parent']);

export const collect = (cy: Core, ids: readonly string[]) => ids.reduce((c, id) => c.union(cy.getElementById(id)), cy.collection());

export interface ApplyOptions extends Pick<SliceOptions, 'onSlice' | 'nextFrame' | 'maxSlice' | 'budgetMs'> {
  /**
   * Called once the view is applied, before it is shown: where the canvas fits the view. A big
   * change is shown through the layered bitmap of the zoom it ends at (`revealOnLayers`), so
   * one made at the zoom before a fit would be thrown away, and the fit's frame would draw every
   * element (and its textures at the new zoom) in one task.
   */
  beforeShow?: () => void;
}

/**
 * Turns what Cytoscape shows from one view into the next: removals, additions (in slices when
 * many), changed data and classes (moving a node into or out of its label's group), then the
 * positions and locks the view asks for.
 */
export async function applyView(cy: Core, prev: readonly ElementDefinition[], next: readonly ElementDefinition[], signal: AbortSignal, opts: ApplyOptions = {}): Promise<void> {
  if (signal.aborted || cy.destroyed()) return;
  const diff = diffElements(prev, next);
  // New elements first (label groups come first in a view), so that nodes can move into them.
  const holdLast = () => skipNextFrame(cy);
  let sliced = false;
  if (diff.add.length >= SLICE_FROM) {
    sliced = true;
    cy.batch(() => cy.remove(collect(cy, diff.remove)));
    await addInSlices(cy, diff.add, { ...opts, signal, holdLast });
    if (signal.aborted || cy.destroyed()) return;
  } else {
    cy.batch(() => {
      cy.remove(collect(cy, diff.remove));
      cy.add(diff.add);
    });
  }
  cy.batch(() => {
    for (const u of diff.update) {
      let el = cy.getElementById(u.id);
      if (el.empty()) continue;
      const { parent = null, ...data } = (u.data ?? {}) as { parent?: string | null };
      // Moving re-creates the node under its new parent: carry on with the new one.
      if (el.isNode() && (el.data('parent') ?? null) !== parent) el = el.move({ parent }) as unknown as typeof el;
      const stale = Object.keys(el.data()).filter((k) => !FIXED_KEYS.has(k) && !(k in data));
      if (stale.length) el.removeData(stale.join(' '));
      el.data(data);
      el.classes(u.classes);
    }
  });
  const moves = placements(cy, next);
  const place = (slice: readonly Placement[]) =>
    cy.batch(() => {
      for (const { el, position, locked } of slice) {
        if (position) {
          if (el.locked()) el.unlock();
          el.position(position);
        }
        if (locked) el.lock();
        else if (el.locked()) el.unlock();
      }
    });
  // Many nodes moved at once (a layout of thousands) are moved a slice at a time like additions,
  // each slice's geometry (its nodes' and their edges') computed in its own task, not the frame's.
  if (moves.filter((m) => m.position).length >= SLICE_FROM) {
    sliced = true;
    await inSlices(
      moves,
      (slice) => {
        place(slice);
        prepareFrame(cy, { moved: cy.collection(slice.filter((m) => m.position).map((m) => m.el) as unknown as CollectionArgument).nodes() });
      },
      { hold: holdDrawing(cy), holdLast, ...opts, signal },
    );
  } else place(moves);
  // The moves' slices wait between frames: the canvas may have gone meanwhile (as Canvas checked before it fitted).
  if (signal.aborted || cy.destroyed()) return;
  opts.beforeShow?.();
  if (sliced) await revealOnLayers(cy, { signal });
}

interface Placement {
  el: NodeSingular;
  /** Where it goes, when that is not where it is. */
  position?: Position;
  locked: boolean;
}

/** The nodes whose position or lock the view changes, in the view's order. */
function placements(cy: Core, next: readonly ElementDefinition[]): Placement[] {
  const out: Placement[] = [];
  for (const e of next) {
    if (!e.position) continue;
    const el = cy.getElementById(e.data.id!);
    if (el.empty() || !el.isNode() || el.isParent()) continue;
    const p = el.position();
    const moved = Math.abs(p.x - e.position.x) > 0.01 || Math.abs(p.y - e.position.y) > 0.01;
    const locked = e.locked === true || String(e.classes ?? '').split(' ').includes('locked');
    if (moved || locked !== el.locked()) out.push({ el, position: moved ? e.position : undefined, locked });
  }
  return out;
}

import type { Core, ElementDefinition } from 'cytoscape';
import { addInSlices } from '../graph/cy-apply';
import { diffElements } from '../graph/elements';

/** From this many new elements, they are added a slice a frame (graph/cy-apply.ts): no long task. */
const SLICE_FROM = 300;
const FIXED_KEYS = new Set(['id', 'source', 'target', 'parent']);

export const collect = (cy: Core, ids: readonly string[]) => ids.reduce((c, id) => c.union(cy.getElementById(id)), cy.collection());

/**
 * Turns what Cytoscape shows from one view into the next: removals, additions (in slices when
 * many), changed data and classes (moving a node into or out of its label's group), then the
 * positions and locks the view asks for.
 */
export async function applyView(cy: Core, prev: readonly ElementDefinition[], next: readonly ElementDefinition[], signal: AbortSignal, opts: { onSlice?: () => void } = {}): Promise<void> {
  if (signal.aborted || cy.destroyed()) return;
  const diff = diffElements(prev, next);
  // New elements first (label groups come first in a view), so that nodes can move into them.
  if (diff.add.length >= SLICE_FROM) {
    cy.batch(() => cy.remove(collect(cy, diff.remove)));
    await addInSlices(cy, diff.add, { signal, onSlice: opts.onSlice });
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
    for (const e of next) {
      if (!e.position) continue;
      const el = cy.getElementById(e.data.id!);
      if (el.empty() || !el.isNode() || el.isParent()) continue;
      const p = el.position();
      if (Math.abs(p.x - e.position.x) > 0.01 || Math.abs(p.y - e.position.y) > 0.01) {
        if (el.locked()) el.unlock();
        el.position(e.position);
      }
      if (e.locked === true || String(e.classes ?? '').split(' ').includes('locked')) el.lock();
      else if (el.locked()) el.unlock();
    }
  });
}

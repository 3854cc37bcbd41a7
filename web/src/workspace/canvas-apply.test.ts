import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { afterEach, describe, expect, it } from 'vitest';
import { applyView } from './canvas-apply';

let cy: Core | undefined;
afterEach(() => cy?.destroy());

const nextFrame = () => new Promise((r) => setTimeout(r, 0));
const nodes = (n: number, at: (i: number) => { x: number; y: number }, extra: (i: number) => Partial<ElementDefinition> = () => ({})): ElementDefinition[] =>
  Array.from({ length: n }, (_, i) => ({ group: 'nodes', data: { id: `n${i}` }, position: at(i), ...extra(i) }));

describe('applyView', () => {
  it('adds a large view a slice at a time, every node where the view puts it', async () => {
    cy = cytoscape({ headless: true });
    const view = nodes(400, (i) => ({ x: i, y: 2 * i }));
    let slices = 0;
    await applyView(cy, [], view, new AbortController().signal, { nextFrame, maxSlice: 100, budgetMs: 1e9, onSlice: () => slices++ });
    expect(slices).toBe(4);
    expect(cy.nodes().map((n) => [n.id(), n.position()])).toEqual(view.map((e) => [e.data.id, e.position]));
  });

  it('moves many nodes a slice at a time, few at once, and locks what the view locks', async () => {
    cy = cytoscape({ headless: true });
    const before = nodes(400, (i) => ({ x: i, y: 0 }));
    await applyView(cy, [], before, new AbortController().signal, { nextFrame });
    const after = nodes(400, (i) => ({ x: i, y: 10 }), (i) => (i === 7 ? { classes: 'locked' } : {}));
    let slices = 0;
    await applyView(cy, before, after, new AbortController().signal, { nextFrame, maxSlice: 100, budgetMs: 1e9, onSlice: () => slices++ });
    expect(slices).toBe(4);
    expect(cy.nodes().map((n) => n.position().y)).toEqual(after.map(() => 10));
    expect(cy.nodes(':locked').map((n) => n.id())).toEqual(['n7']);

    // Below 300 moved nodes, one batch: done when applyView returns, with no frame waited for.
    const few = after.map((e, i) => (i < 10 ? { ...e, position: { x: i, y: 20 } } : e));
    slices = 0;
    await applyView(cy, after, few, new AbortController().signal, { nextFrame: () => Promise.reject(new Error('no frame')), onSlice: () => slices++ });
    expect(slices).toBe(0);
    expect(cy.$id('n3').position()).toEqual({ x: 3, y: 20 });
    // n7 is locked in `few` as well: it moved all the same, as the view says, and stays locked.
    expect([cy.$id('n7').position(), cy.$id('n7').locked()]).toEqual([{ x: 7, y: 20 }, true]);
  });

  it('calls beforeShow once the view is applied, the nodes where it puts them', async () => {
    cy = cytoscape({ headless: true });
    const view = nodes(400, (i) => ({ x: i, y: 1 }));
    const seen: number[] = [];
    await applyView(cy, [], view, new AbortController().signal, { nextFrame, budgetMs: 1e9, beforeShow: () => seen.push(cy!.nodes().length, cy!.$id('n399').position().x) });
    expect(seen).toEqual([400, 399]);
  });
});

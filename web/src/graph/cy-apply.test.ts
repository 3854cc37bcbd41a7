import { afterEach, describe, expect, it } from 'vitest';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { addInSlices, drawDue, holdDrawing, inSlices, nextSliceSize, prepareFrame } from './cy-apply';

let cy: Core | undefined;
afterEach(() => cy?.destroy());

const nextTick = () => new Promise((r) => setTimeout(r, 0));

describe('addInSlices', () => {
  it('adds every element, nodes before the edges that join them, a slice a frame', async () => {
    cy = cytoscape({ headless: true });
    const els: ElementDefinition[] = [];
    for (let i = 0; i < 1500; i++) els.push({ group: 'edges', data: { id: `e${i}`, source: `n${i}`, target: `n${i + 1}` } });
    for (let i = 0; i <= 1500; i++) els.push({ group: 'nodes', data: { id: `n${i}` } });
    const slices = await addInSlices(cy, els, { firstSlice: 100, budgetMs: 1e9, nextFrame: nextTick });
    // 100, 200, 400, 800 and the last 1,501: each slice at most twice the one before.
    expect([slices, cy.nodes().length, cy.edges().length]).toEqual([5, 1501, 1500]);
  });

  it('sizes slices by what the last one cost, within the bounds', async () => {
    const sizes: number[] = [];
    const slices = await inSlices(Array.from({ length: 100 }, (_, i) => i), (s) => sizes.push(s.length), { firstSlice: 10, minSlice: 25, maxSlice: 40, budgetMs: 1e9, nextFrame: nextTick });
    expect([slices, sizes]).toEqual([4, [10, 25, 40, 25]]);
  });

  it('fits the next slice to the budget at the last one’s cost, growing at most twofold', () => {
    const bounds = { budgetMs: 40, min: 20, max: 2000 };
    expect(nextSliceSize(100, 80, bounds)).toBe(50);
    expect(nextSliceSize(100, 40, bounds)).toBe(100);
    expect(nextSliceSize(100, 10, bounds)).toBe(200);
    expect(nextSliceSize(100, 0, bounds)).toBe(200);
    expect(nextSliceSize(100, 1000, bounds)).toBe(20);
    expect(nextSliceSize(1500, 1, bounds)).toBe(2000);
  });

  it('sizes slices by the slice’s own work, not by the wait for the frame after it', async () => {
    const sizes: number[] = [];
    // Each wait takes 30 ms, the slices almost nothing: they still grow twofold each time.
    const slow = () => new Promise((r) => setTimeout(r, 30));
    await inSlices(Array.from({ length: 150 }, (_, i) => i), (s) => sizes.push(s.length), { firstSlice: 10, budgetMs: 20, nextFrame: slow });
    expect(sizes).toEqual([10, 20, 40, 80]);
  });

  it('holds the frame after every slice but the last', async () => {
    const events: string[] = [];
    await inSlices([1, 2, 3, 4, 5], (s) => events.push(`apply ${s.join(',')}`), { firstSlice: 2, minSlice: 2, maxSlice: 2, nextFrame: nextTick, hold: () => events.push('hold') });
    expect(events).toEqual(['apply 1,2', 'hold', 'apply 3,4', 'hold', 'apply 5']);
  });

  it('stops between slices when aborted', async () => {
    cy = cytoscape({ headless: true });
    const ctl = new AbortController();
    const els: ElementDefinition[] = Array.from({ length: 100 }, (_, i) => ({ group: 'nodes', data: { id: `n${i}` } }));
    const slices = await addInSlices(cy, els, { firstSlice: 30, minSlice: 30, maxSlice: 30, signal: ctl.signal, nextFrame: () => (ctl.abort(), nextTick()) });
    expect([slices, cy.nodes().length]).toEqual([1, 30]);
  });
});

describe('drawDue', () => {
  it('lets a frame draw only once the interval has passed since the last one that drew', () => {
    expect([drawDue(1999, 1000, 1000), drawDue(2000, 1000, 1000), drawDue(2500, 1000, 1000)]).toEqual([false, true, true]);
  });
});

describe('holdDrawing and prepareFrame without a render loop (headless)', () => {
  it('leave a headless instance as it is', () => {
    cy = cytoscape({ headless: true });
    const added = cy.add([{ group: 'nodes', data: { id: 'a' }, position: { x: 1, y: 2 } }]);
    holdDrawing(cy, 0)();
    prepareFrame(cy, { fresh: added });
    expect([cy.$id('a').position(), (cy as unknown as { renderer(): { skipFrame?: boolean } }).renderer().skipFrame]).toEqual([{ x: 1, y: 2 }, undefined]);
  });
});

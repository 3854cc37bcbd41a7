import { afterEach, describe, expect, it } from 'vitest';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { addInSlices, drawAffordable, drawDue, holdDrawing, inSlices, prepareFrame } from './cy-apply';

let cy: Core | undefined;
afterEach(() => cy?.destroy());

const nextTick = () => new Promise((r) => setTimeout(r, 0));

describe('addInSlices', () => {
  it('adds every element, nodes before the edges that join them, a slice a task', async () => {
    cy = cytoscape({ headless: true });
    const els: ElementDefinition[] = [];
    for (let i = 0; i < 1500; i++) els.push({ group: 'edges', data: { id: `e${i}`, source: `n${i}`, target: `n${i + 1}` } });
    for (let i = 0; i <= 1500; i++) els.push({ group: 'nodes', data: { id: `n${i}` } });
    const slices = await addInSlices(cy, els, { budgetMs: 1e9, maxSlice: 1000, nextFrame: nextTick });
    // 1,000, 1,000, 1,000 and the last one: an edge before its nodes would have thrown.
    expect([slices, cy.nodes().length, cy.edges().length]).toEqual([4, 1501, 1500]);
  });

  it('applies a chunk at a time until the slice’s time is up, then waits', async () => {
    let clock = 0;
    const events: string[] = [];
    // Each item costs 10 ms on this clock; the waits between slices cost nothing of a slice's time.
    const slices = await inSlices(
      Array.from({ length: 10 }, (_, i) => i),
      (part) => {
        clock += 10 * part.length;
        events.push(part.join(','));
      },
      { chunk: 2, budgetMs: 35, nextFrame: async () => events.push('wait'), now: () => clock },
    );
    // 20 ms after the first chunk, 40 after the second: over 35, so the slice ends.
    expect([slices, events]).toEqual([3, ['0,1', '2,3', 'wait', '4,5', '6,7', 'wait', '8,9', 'wait']]);
  });

  it('holds the frame after every slice but the last, and that one with holdLast', async () => {
    const events: string[] = [];
    await inSlices([1, 2, 3, 4, 5], (s) => events.push(`apply ${s.join(',')}`), { chunk: 2, maxSlice: 2, nextFrame: nextTick, hold: () => events.push('hold') });
    expect(events).toEqual(['apply 1,2', 'hold', 'apply 3,4', 'hold', 'apply 5']);
    events.length = 0;
    await inSlices([1, 2, 3], (s) => events.push(`apply ${s.join(',')}`), { chunk: 2, maxSlice: 2, nextFrame: async () => events.push('frame'), hold: () => events.push('hold'), holdLast: () => events.push('hold last') });
    expect(events).toEqual(['apply 1,2', 'hold', 'frame', 'apply 3', 'hold last', 'frame']);
  });

  it('stops between slices when aborted', async () => {
    cy = cytoscape({ headless: true });
    const ctl = new AbortController();
    const els: ElementDefinition[] = Array.from({ length: 100 }, (_, i) => ({ group: 'nodes', data: { id: `n${i}` } }));
    const slices = await addInSlices(cy, els, { chunk: 30, maxSlice: 30, signal: ctl.signal, nextFrame: () => (ctl.abort(), nextTick()) });
    expect([slices, cy.nodes().length]).toEqual([1, 30]);
  });
});

describe('drawDue', () => {
  it('lets a frame draw only once the interval has passed since the last one that drew', () => {
    expect([drawDue(1999, 1000, 1000), drawDue(2000, 1000, 1000), drawDue(2500, 1000, 1000)]).toEqual([false, true, true]);
  });
});

describe('drawAffordable', () => {
  it('scales the last full redraw by the elements drawn now', () => {
    // 10 ms for 400 elements: 1,000 cost 25 ms, 1,001 a little more.
    expect([drawAffordable(10, 400, 1000, 25), drawAffordable(10, 400, 1001, 25), drawAffordable(0, 0, 5000, 25)]).toEqual([true, false, true]);
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

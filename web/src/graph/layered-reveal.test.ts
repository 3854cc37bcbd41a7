import { afterEach, describe, expect, it } from 'vitest';
import cytoscape, { type Core } from 'cytoscape';
import { revealOnLayers } from './layered-reveal';
import { fakeLayeredCanvas } from './fake-layered-canvas';

let cy: Core | undefined;
afterEach(() => cy?.destroy());

describe('revealOnLayers', () => {
  it('holds nothing where the renderer has no layered bitmap (headless): the next frame draws as before', async () => {
    cy = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }] });
    const frames: number[] = [];
    expect(await revealOnLayers(cy, { nextFrame: async () => frames.push(1) })).toBe('direct');
    expect(frames).toEqual([]);
  });

  it('is done at once on a destroyed canvas', async () => {
    const gone = cytoscape({ headless: true });
    gone.destroy();
    expect(await revealOnLayers(gone)).toBe('direct');
  });
});

describe('revealOnLayers on a canvas renderer', () => {
  it('holds every frame while it makes the bitmap on a canvas made ahead, fills it in shares rasterised each in the next task, then lets frames draw', async () => {
    const c = fakeLayeredCanvas(300);
    // Within the renderer's 250 ms after the change: revealOnLayers starts the bitmap all the same.
    c.ltc.skipping = true;
    const ownDequeue = c.ltc.dequeue;
    c.startFrames();
    try {
      expect(await revealOnLayers(c.cy, { nextFrame: () => new Promise((res) => setTimeout(res, 1)), budgetMs: 1000 })).toBe('layers');
    } finally {
      c.stopFrames();
    }
    expect(c.drawn()).toBe(300);
    expect(c.log).toEqual(['allocate 40x30', 'layer on the canvas made ahead', 'raster 64', 'raster 128', 'raster 108']);
    // The renderer has its frames and its own fill back.
    expect(c.r.skipFrame).toBe(false);
    c.r.skipFrame = true;
    expect(c.r.skipFrame).toBe(true);
    expect(c.ltc.dequeue).toBe(ownDequeue);
  });

  it('holds the frames until the last of two reveals under way on one canvas is done', async () => {
    // Enough elements that the first is still filling (a dozen tasks more) when the second starts.
    const c = fakeLayeredCanvas(3000);
    c.startFrames();
    let first: Promise<unknown> | undefined;
    try {
      const slowFrame = new Promise<void>((resolve) => setTimeout(resolve, 5));
      first = revealOnLayers(c.cy, { nextFrame: () => new Promise((res) => setTimeout(res, 1)), budgetMs: 1000 });
      // The second starts while the first fills, stops its fill and makes the bitmap itself.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const second = revealOnLayers(c.cy, { nextFrame: () => slowFrame, budgetMs: 1000 });
      expect(await first).toBe('direct');
      expect(c.r.skipFrame).toBe(true);
      expect(await second).toBe('layers');
    } finally {
      c.stopFrames();
    }
    expect(c.log).not.toContain('frame drew');
    expect(c.r.skipFrame).toBe(false);
  });
});

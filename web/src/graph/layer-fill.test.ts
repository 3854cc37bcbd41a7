import { afterEach, describe, expect, it } from 'vitest';
import cytoscape, { type Core } from 'cytoscape';
import { fillLayers, layersReady, nextShare, queueLayers, settled } from './layer-fill';
import { fakeLayeredCanvas } from './fake-layered-canvas';

let cy: Core | undefined;
afterEach(() => cy?.destroy());

describe('queueLayers, layersReady and fillLayers without a canvas renderer', () => {
  it('do nothing headless', async () => {
    cy = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }] });
    expect(queueLayers(cy)).toBe('done');
    expect(layersReady(cy)).toBe(false);
    expect(await fillLayers(cy)).toBe('direct');
  });

  it('are done at once on a destroyed canvas', async () => {
    const gone = cytoscape({ headless: true });
    gone.destroy();
    expect(queueLayers(gone)).toBe('done');
    expect(layersReady(gone)).toBe(false);
    expect(await fillLayers(gone)).toBe('direct');
  });
});

describe('settled', () => {
  it('waits until the last change is settleMs old (a canvas never changed is settled)', () => {
    expect([settled(1299, 1000, 300), settled(1300, 1000, 300), settled(5, undefined, 300)]).toEqual([false, true, true]);
  });
});

describe('nextShare', () => {
  it('starts with `first`, then aims at the raster time by the last share’s cost an element', () => {
    expect(nextShare(undefined, 20)).toBe(64);
    // 200 elements rastered in 50 ms: 4 an ms, so 80 for 20 ms.
    expect(nextShare({ count: 200, rasterMs: 50 }, 20)).toBe(80);
  });

  it('at most doubles (cheap elements may be followed by costly ones), and draws at least 8', () => {
    expect(nextShare({ count: 64, rasterMs: 1 }, 20)).toBe(128);
    expect(nextShare({ count: 64, rasterMs: 0 }, 20)).toBe(128);
    expect(nextShare({ count: 10, rasterMs: 400 }, 20)).toBe(8);
  });

  it('starts again with `first` after a share that drew nothing', () => {
    expect(nextShare({ count: 0, rasterMs: 3 }, 20, 32)).toBe(32);
  });
});

describe('fillLayers on a canvas renderer', () => {
  it('makes the bitmap on a canvas made ahead and fills it in shares rasterised each in the next task, the frames filling nothing meanwhile', async () => {
    const c = fakeLayeredCanvas(300);
    const ownDequeue = c.ltc.dequeue;
    c.startFrames();
    try {
      expect(await fillLayers(c.cy, { budgetMs: 1000 })).toBe('layers');
    } finally {
      c.stopFrames();
    }
    expect(c.drawn()).toBe(300);
    // Frames are not held: they draw (here, every macrotask turn) between the steps.
    expect(c.log.filter((l) => l !== 'frame drew')).toEqual(['allocate 40x30', 'layer on the canvas made ahead', 'raster 64', 'raster 128', 'raster 108']);
    expect(c.ltc.dequeue).toBe(ownDequeue);
    expect(layersReady(c.cy)).toBe(true);
  });

  it('waits for the canvas to settle, and is done at once when the bitmap is complete', async () => {
    const c = fakeLayeredCanvas(10);
    c.ltc.lastInvalidationTime = performance.now();
    expect(await fillLayers(c.cy, { settleMs: 60_000 })).toBe('later');
    expect(await fillLayers(c.cy, { settleMs: 0, budgetMs: 1000 })).toBe('layers');
    c.log.length = 0;
    expect(await fillLayers(c.cy)).toBe('layers');
    expect(c.log).toEqual([]);
  });

  it('leaves a fill under way on the same canvas to finish; one `now` stops it, which lets the renderer have its fill back, and carries on with its bitmap', async () => {
    const c = fakeLayeredCanvas(300);
    const ownDequeue = c.ltc.dequeue;
    const first = fillLayers(c.cy, { budgetMs: 1000 });
    // The first has made its canvas and queued the bitmap, and drawn its first share.
    while (c.drawn() === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await fillLayers(c.cy, { budgetMs: 1000 })).toBe('later');
    const second = fillLayers(c.cy, { now: true, budgetMs: 1000 });
    expect(await first).toBe('direct');
    expect(await second).toBe('layers');
    expect(c.log.filter((l) => !l.startsWith('raster'))).toEqual(['allocate 40x30', 'layer on the canvas made ahead']);
    expect(c.drawn()).toBe(300);
    expect(c.ltc.dequeue).toBe(ownDequeue);
  });

  it('makes the next bitmap of the same size on the last one’s canvas, cleared, once no layer uses it', async () => {
    const c = fakeLayeredCanvas(100);
    expect(await fillLayers(c.cy, { budgetMs: 1000 })).toBe('layers');
    c.invalidate();
    expect(await fillLayers(c.cy, { budgetMs: 1000 })).toBe('layers');
    expect(c.log.filter((l) => !l.startsWith('raster'))).toEqual(['allocate 40x30', 'layer on the canvas made ahead', 'clear 40x30', 'layer on the canvas made ahead']);
  });

  it('makes none zoomed in past the levels Cytoscape draws a bitmap at', async () => {
    const c = fakeLayeredCanvas(10);
    c.setZoom(4.5);
    expect(await fillLayers(c.cy)).toBe('direct');
    expect(c.log).toEqual([]);
  });

  it('gives up when `over` says so, and the renderer fills as before', async () => {
    const c = fakeLayeredCanvas(300);
    const ownDequeue = c.ltc.dequeue;
    expect(await fillLayers(c.cy, { over: () => c.drawn() > 0, budgetMs: 1000 })).toBe('direct');
    expect(c.drawn()).toBe(64);
    expect(c.ltc.dequeue).toBe(ownDequeue);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import cytoscape, { type Core } from 'cytoscape';
import { nextShare, revealOnLayers } from './layered-reveal';

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

/**
 * A canvas renderer as revealOnLayers sees it (Cytoscape 3.x's internals): one layer whose
 * elements getLayers queues and dequeue draws one at a time, a render loop that clears
 * `skipFrame` after each frame as Cytoscape's does, and a log of what happened.
 */
function fakeCanvas(elements: number) {
  const log: string[] = [];
  const eles = Array.from({ length: elements }, () => ({ boundingBox: () => ({ x1: 0, y1: 0, x2: 40, y2: 30 }) }));
  let queued = 0;
  let drawn = 0;
  let drawnAtRead = 0;
  const layer = {
    width: 40,
    height: 30,
    context: {
      getImageData: () => {
        if (drawn > drawnAtRead) log.push(`raster ${drawn - drawnAtRead}`);
        drawnAtRead = drawn;
      },
    },
  };
  const made: unknown[] = [];
  const ltc = {
    firstGet: false,
    skipping: true,
    layersByLevel: {} as Record<number, unknown[]>,
    layersQueue: { size: () => (drawn < queued ? 1 : 0) },
    getLayers(list: unknown[]) {
      log.push(r.makeOffscreenCanvas(40, 30) === made[0] ? 'layer on the canvas made ahead' : 'layer on a new canvas');
      ltc.layersByLevel[0] = [layer];
      queued = list.length;
      return null;
    },
    levelIsComplete: () => queued > 0 && drawn === queued,
    dequeue: () => (drawn < queued ? [++drawn] : []),
  };
  const r = {
    skipFrame: false,
    startRenderLoop() {},
    getPixelRatio: () => 1,
    getCachedZSortedEles: () => ({ nondrag: eles }),
    flushRenderedStyleQueue() {},
    makeOffscreenCanvas(w: number, h: number): unknown {
      const canvas = { getContext: () => ({ getImageData: () => log.push(`allocate ${w}x${h}`) }) };
      made.push(canvas);
      return canvas;
    },
    data: { lyrTxrCache: ltc },
  };
  const frame = () => {
    if (!r.skipFrame) log.push('frame drew');
    else if (ltc.dequeue().length > 0) log.push('frame filled');
    r.skipFrame = false;
  };
  const loop = setInterval(frame, 0);
  const cy = { destroyed: () => false, renderer: () => r, on() {}, removeListener() {}, zoom: () => 1 } as unknown as Core;
  return { cy, r, ltc, log, stop: () => clearInterval(loop), drawn: () => drawn };
}

describe('revealOnLayers on a canvas renderer', () => {
  it('holds every frame while it makes the bitmap on a canvas made ahead, fills it in shares rasterised each in the next task, then lets frames draw', async () => {
    const c = fakeCanvas(300);
    const ownDequeue = c.ltc.dequeue;
    try {
      expect(await revealOnLayers(c.cy, { nextFrame: () => new Promise((res) => setTimeout(res, 1)), budgetMs: 1000 })).toBe('layers');
    } finally {
      c.stop();
    }
    expect(c.drawn()).toBe(300);
    expect(c.log).toEqual(['allocate 40x30', 'layer on the canvas made ahead', 'raster 64', 'raster 128', 'raster 108']);
    // The renderer has its frames and its own fill back.
    expect(c.r.skipFrame).toBe(false);
    c.r.skipFrame = true;
    expect(c.r.skipFrame).toBe(true);
    expect(c.ltc.dequeue).toBe(ownDequeue);
  });
});

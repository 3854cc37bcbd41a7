import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { bitmapLevel, layerSize, lendOnce, spareLayerCanvas } from './layer-canvas';

describe('bitmapLevel', () => {
  it('is ⌈log₂(zoom × pixel ratio)⌉, at least −4, never −0, and none past level 2 or zoom 3.99', () => {
    expect([bitmapLevel(0.66, 1), bitmapLevel(0.4, 1), bitmapLevel(0.66, 2), bitmapLevel(0.01, 1), bitmapLevel(3, 1)]).toEqual([0, -1, 1, -4, 2]);
    expect(Object.is(bitmapLevel(0.66, 1), 0)).toBe(true);
    expect([bitmapLevel(4.5, 1), bitmapLevel(3.995, 1), bitmapLevel(3, 2)]).toEqual([undefined, undefined, undefined]);
  });
});

describe('layerSize', () => {
  const bounds = [
    { x1: -10.5, y1: 0, x2: 100, y2: 50 },
    { x1: 900, y1: -20, x2: 1033.2, y2: 2000 },
  ];

  it('is the union of the bounds at the zoom level, rounded up: level 0 for zoom 0.66', () => {
    // 1033.2 + 10.5 = 1043.7 → 1044 wide; 2000 + 20 = 2020 high.
    expect(layerSize(bounds, 0.66, 1)).toEqual({ level: 0, width: 1044, height: 2020 });
  });

  it('halves per level below: zoom 0.4 is level −1, zoom 0.01 stays at level −4', () => {
    expect(layerSize(bounds, 0.4, 1)).toEqual({ level: -1, width: 522, height: 1010 });
    expect(layerSize(bounds, 0.01, 1)).toEqual({ level: -4, width: 66, height: 127 });
  });

  it('counts the pixel ratio with the zoom', () => {
    expect(layerSize(bounds, 0.66, 2)?.level).toBe(1);
  });

  it('is none where Cytoscape makes no bitmap: zoomed in past level 2 or 3.99, over 16 million pixels, nothing drawn', () => {
    expect(layerSize(bounds, 4.5, 1)).toBeUndefined();
    expect(layerSize(bounds, 3.995, 1)).toBeUndefined();
    expect(layerSize([{ x1: 0, y1: 0, x2: 4001, y2: 4000 }], 1, 1)).toBeUndefined();
    expect(layerSize([{ x1: 0, y1: 0, x2: 4000, y2: 4000 }], 1, 1)).toEqual({ level: 0, width: 4000, height: 4000 });
    expect(layerSize([], 1, 1)).toBeUndefined();
  });
});

describe('lendOnce', () => {
  const made: string[] = [];
  const renderer = {
    makeOffscreenCanvas(width: number, height: number) {
      made.push(`${width}x${height}`);
      return { width, height } as unknown as OffscreenCanvas;
    },
  };
  const spare = { width: 30, height: 20, spare: true } as unknown as OffscreenCanvas;

  it('gives the spare canvas to the first request of its size only, then puts the renderer back', () => {
    made.length = 0;
    let left: OffscreenCanvas | undefined = spare;
    lendOnce(renderer, 30, 20, () => {
      const c = left;
      left = undefined;
      return c;
    });
    expect(renderer.makeOffscreenCanvas(10, 10)).toEqual({ width: 10, height: 10 });
    expect(renderer.makeOffscreenCanvas(30, 20)).toBe(spare);
    expect(renderer.makeOffscreenCanvas(30, 20)).toEqual({ width: 30, height: 20 });
    expect(made).toEqual(['10x10', '30x20']);
    expect(Object.prototype.hasOwnProperty.call(renderer, 'makeOffscreenCanvas')).toBe(true);
  });

  it('leaves the renderer as it was when the spare was never asked for', () => {
    const proto = { makeOffscreenCanvas: (w: number, h: number) => ({ w, h }) as unknown as OffscreenCanvas };
    const r = Object.create(proto) as typeof proto;
    const giveBack = lendOnce(r, 30, 20, () => spare);
    expect(Object.prototype.hasOwnProperty.call(r, 'makeOffscreenCanvas')).toBe(true);
    giveBack();
    expect(Object.prototype.hasOwnProperty.call(r, 'makeOffscreenCanvas')).toBe(false);
    expect(r.makeOffscreenCanvas(30, 20)).toEqual({ w: 30, h: 20 });
  });
});

describe('spareLayerCanvas', () => {
  it('is none without a canvas renderer (headless) or canvas', () => {
    const cy = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }] });
    expect(spareLayerCanvas(cy)).toBeUndefined();
    cy.destroy();
    expect(spareLayerCanvas(cy)).toBeUndefined();
  });
});

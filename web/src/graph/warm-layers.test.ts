import { afterEach, describe, expect, it } from 'vitest';
import cytoscape, { type Core } from 'cytoscape';
import { afterPan, keepLayersWarm, panOnLayers, panOptions } from './warm-layers';
import { fakeLayeredCanvas } from './fake-layered-canvas';

let cy: Core | undefined;
afterEach(() => cy?.destroy());

describe('keepLayersWarm', () => {
  it('does nothing without a canvas renderer (headless), and stops cleanly', async () => {
    cy = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }] });
    const stop = keepLayersWarm(cy, 1);
    cy.emit('render');
    await new Promise((r) => setTimeout(r, 10));
    stop();
    cy.emit('render');
  });

  it('makes the bitmap once a drawn frame is `delayMs` old, in shares, and stops when asked', async () => {
    const c = fakeLayeredCanvas(300);
    const stop = keepLayersWarm(c.cy, 1);
    c.cy.emit('render');
    while (c.drawn() < 300) await new Promise((r) => setTimeout(r, 1));
    // The last share's raster is the task after its drawing.
    await new Promise((r) => setTimeout(r, 5));
    expect(c.log.slice(0, 3)).toEqual(['allocate 40x30', 'layer on the canvas made ahead', 'raster 64']);
    expect(c.log.slice(2).reduce((n, l) => n + Number(l.replace('raster ', '')), 0)).toBe(300);
    stop();
    c.log.length = 0;
    c.cy.emit('render');
    await new Promise((r) => setTimeout(r, 10));
    expect(c.log).toEqual([]);
  });
});

describe('panOptions and afterPan', () => {
  const large = { textureOnViewport: true, hideEdgesOnViewport: true };
  const plain = { textureOnViewport: false, hideEdgesOnViewport: false };

  it('pans on the layered bitmap once it is complete, as the options say before', () => {
    expect([panOptions(large, true), panOptions(large, false)]).toEqual([plain, large]);
  });

  it('puts the options back after the pan, except one changed meanwhile', () => {
    expect(afterPan(plain, plain, large)).toEqual(large);
    // The canvas turned hiding edges on during the pan (it grew large): that stays.
    expect(afterPan({ textureOnViewport: false, hideEdgesOnViewport: true }, plain, { textureOnViewport: true, hideEdgesOnViewport: false })).toEqual(large);
  });

  it('leaves a headless instance alone', () => {
    cy = cytoscape({ headless: true });
    const stop = panOnLayers(cy);
    cy.emit('mousedown');
    cy.emit('mouseup');
    stop();
    expect((cy as unknown as { renderer(): { textureOnViewport?: boolean } }).renderer().textureOnViewport).toBeUndefined();
  });
});

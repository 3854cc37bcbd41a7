import { afterEach, describe, expect, it } from 'vitest';
import cytoscape, { type Core } from 'cytoscape';
import { afterPan, keepLayersWarm, panOnLayers, panOptions, queueLayers, settled } from './warm-layers';

let cy: Core | undefined;
afterEach(() => cy?.destroy());

describe('keepLayersWarm', () => {
  it('does nothing without a canvas renderer (headless), and stops cleanly', async () => {
    cy = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }] });
    expect(queueLayers(cy)).toBe('done');
    const stop = keepLayersWarm(cy, 1);
    cy.emit('render');
    await new Promise((r) => setTimeout(r, 10));
    stop();
    cy.emit('render');
    expect(queueLayers(cy)).toBe('done');
  });

  it('is done at once on a destroyed canvas', () => {
    const gone = cytoscape({ headless: true });
    gone.destroy();
    expect(queueLayers(gone)).toBe('done');
  });
});

describe('settled', () => {
  it('waits until the last change is settleMs old (a canvas never changed is settled)', () => {
    expect([settled(1299, 1000, 300), settled(1300, 1000, 300), settled(5, undefined, 300)]).toEqual([false, true, true]);
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

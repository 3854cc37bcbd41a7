import { afterEach, describe, expect, it } from 'vitest';
import cytoscape, { type Core } from 'cytoscape';
import { keepLayersWarm, queueLayers } from './warm-layers';

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

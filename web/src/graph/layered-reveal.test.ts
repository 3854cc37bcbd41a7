import { afterEach, describe, expect, it } from 'vitest';
import cytoscape, { type Core } from 'cytoscape';
import { revealOnLayers } from './layered-reveal';

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

import { describe, expect, it } from 'vitest';
import type { ElementDefinition } from 'cytoscape';
import { fcosePositions } from './fcose-core';
import { forceInput, forceLayout, presetLayout } from './force';

const node = (id: string, label = 'Phone'): ElementDefinition => ({ group: 'nodes', data: { id, label } });
const edge = (source: string, target: string): ElementDefinition => ({ group: 'edges', data: { id: `${source}-${target}`, source, target } });

// Two triangles joined by one link.
const els = [node('a'), node('b'), node('c'), node('x', 'Person'), node('y', 'Person'), node('z', 'Person'), edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('x', 'y'), edge('y', 'z'), edge('z', 'x'), edge('c', 'x')];
const dist = (p: Record<string, { x: number; y: number }>, u: string, v: string) => Math.hypot(p[u]!.x - p[v]!.x, p[u]!.y - p[v]!.y);

describe('forceInput', () => {
  it('sends the worker ids, sizes by label and links, nothing else', () => {
    expect(forceInput([node('a'), node('p', 'Person'), { group: 'nodes', data: { id: 'more', label: 'Phone', placeholder: true } }, edge('a', 'p')], { fixed: { a: { x: 1, y: 2 } } })).toEqual({
      nodes: [
        { id: 'a', w: 46, h: 46 },
        { id: 'p', w: 42, h: 42 },
        { id: 'more', w: 130, h: 30 },
      ],
      edges: [{ id: 'a-p', source: 'a', target: 'p' }],
      seed: 1,
      fixed: { a: { x: 1, y: 2 } },
    });
  });
});

describe('fcosePositions', () => {
  it('places every node, the same way every time for the same seed, linked nodes nearer than unlinked ones', () => {
    const first = fcosePositions(forceInput(els));
    expect(Object.keys(first).sort()).toEqual(['a', 'b', 'c', 'x', 'y', 'z']);
    expect(fcosePositions(forceInput(els))).toEqual(first);
    expect(Object.values(first).every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(dist(first, 'a', 'b') < dist(first, 'a', 'z')).toBe(true);
  });

  it('holds fixed nodes exactly where they are and places the new ones', () => {
    const fixed = { a: { x: 0, y: 0 }, b: { x: 100, y: 0 }, c: { x: 50, y: 80 } };
    const p = fcosePositions(forceInput(els, { fixed }));
    expect([p.a, p.b, p.c]).toEqual([fixed.a, fixed.b, fixed.c]);
    expect(['x', 'y', 'z'].every((id) => Number.isFinite(p[id]!.x) && Number.isFinite(p[id]!.y))).toBe(true);
  });
});

describe('forceLayout', () => {
  it('gives, without workers, what the worker would', async () => {
    expect(await forceLayout(els)).toEqual(fcosePositions(forceInput(els)));
  });

  it('rejects a run that was cancelled before it started', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(forceLayout(els, { signal: ctl.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('presetLayout', () => {
  it('moves nodes to the positions, animating only small graphs', () => {
    const small = presetLayout({ a: { x: 1, y: 2 } }) as unknown as { name: string; animate: boolean; positions: (n: { id(): string }) => unknown };
    expect([small.name, small.animate, small.positions({ id: () => 'a' }), small.positions({ id: () => 'b' })]).toEqual(['preset', true, { x: 1, y: 2 }, null]);
    const big = Object.fromEntries(Array.from({ length: 301 }, (_, i) => [`n${i}`, { x: i, y: 0 }]));
    expect((presetLayout(big) as unknown as { animate: boolean }).animate).toBe(false);
  });
});

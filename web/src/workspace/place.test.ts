import { describe, expect, it } from 'vitest';
import type { Position } from './doc';
import { placeAround } from './place';

/** The rule placeAround follows, checked the slow way: every pair of nodes is apart by half the spacing on some axis. */
function clear(points: readonly Position[]): boolean {
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) if (Math.abs(points[i]!.x - points[j]!.x) < 27.5 && Math.abs(points[i]!.y - points[j]!.y) < 27.5) return false;
  return true;
}

describe('placeAround', () => {
  it('puts new nodes on rings around the anchor, the first ring first, in the order given', () => {
    const placed = placeAround({ ids: ['a', 'b', 'c'], anchor: { x: 100, y: 100 }, existing: { x: { x: 100, y: 100 } } });
    // Ring 1 (radius 90) holds ten slots; the first is straight above the anchor.
    expect(placed.a).toEqual({ x: 100, y: 10 });
    expect(Object.values(placed).map((p) => Math.round(Math.hypot(p.x - 100, p.y - 100)))).toEqual([90, 90, 90]);
  });

  it('keeps clear of the nodes already there and of each other', () => {
    const existing: Record<string, Position> = {};
    for (let i = 0; i < 300; i++) existing[`old${i}`] = { x: (i % 20) * 37 - 300, y: Math.floor(i / 20) * 41 - 300 };
    const ids = Array.from({ length: 2000 }, (_, i) => `new${i}`);
    const placed = placeAround({ ids, anchor: { x: 0, y: 0 }, existing });
    expect(Object.keys(placed)).toEqual(ids);
    const news = Object.values(placed);
    expect(clear(news)).toBe(true);
    expect(news.every((p) => Object.values(existing).every((t) => Math.abs(t.x - p.x) >= 27.5 || Math.abs(t.y - p.y) >= 27.5))).toBe(true);
  });

  it('starts at the middle of the canvas without an anchor', () => {
    const placed = placeAround({ ids: ['a'], existing: { x: { x: 0, y: 0 }, y: { x: 200, y: 0 } } });
    expect(placed.a).toEqual({ x: 100, y: 0 });
  });
});

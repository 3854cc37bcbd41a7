import type { Position } from './doc';

/** Distance between rings of new nodes around the node they were expanded from. */
const RING = 90;
/** Space a node needs on a ring. */
const SPACING = 55;

/**
 * Where new nodes first appear: on rings around the anchor they were expanded from (or around the
 * middle of the canvas), clear of the nodes already there, in the order given. A layout may move
 * them afterwards; this only keeps an expansion from landing in a heap.
 */
export function placeAround({
  ids,
  anchor,
  existing,
}: {
  ids: readonly string[];
  anchor?: Position;
  existing: Readonly<Record<string, Position>>;
}): Record<string, Position> {
  const taken = new Taken(SPACING / 2);
  const all = Object.values(existing);
  for (const p of all) taken.add(p);
  const center = anchor ?? centroid(all);
  const placed: Record<string, Position> = {};
  // Without an anchor the centre itself is free to take; with one, the anchor stands there.
  let ring = anchor ? 1 : 0;
  let slot = 0;
  let slots = slotsOn(ring);
  for (const id of ids) {
    for (;;) {
      if (slot >= slots) {
        ring += 1;
        slot = 0;
        slots = slotsOn(ring);
      }
      const angle = (2 * Math.PI * slot) / slots - Math.PI / 2 + (ring % 2 ? 0 : Math.PI / slots);
      const p = { x: round(center.x + RING * ring * Math.cos(angle)), y: round(center.y + RING * ring * Math.sin(angle)) };
      slot += 1;
      if (!taken.near(p)) {
        placed[id] = p;
        taken.add(p);
        break;
      }
    }
  }
  return placed;
}

/**
 * The points taken so far, in square cells as wide as the clearance, so that whether a point is
 * too near one of them is a look at nine cells rather than at every point: placing 2,000 new
 * nodes beside 2,000 others was a quarter of a second of comparisons in one task.
 */
class Taken {
  private readonly cells = new Map<string, Position[]>();
  constructor(private readonly clearance: number) {}
  private key(cx: number, cy: number) {
    return `${cx},${cy}`;
  }
  add(p: Position) {
    const k = this.key(Math.floor(p.x / this.clearance), Math.floor(p.y / this.clearance));
    const cell = this.cells.get(k);
    if (cell) cell.push(p);
    else this.cells.set(k, [p]);
  }
  /** True when a taken point is nearer than the clearance on both axes. */
  near(p: Position): boolean {
    const cx = Math.floor(p.x / this.clearance);
    const cy = Math.floor(p.y / this.clearance);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const t of this.cells.get(this.key(cx + dx, cy + dy)) ?? []) if (Math.abs(t.x - p.x) < this.clearance && Math.abs(t.y - p.y) < this.clearance) return true;
    return false;
  }
}

const slotsOn = (ring: number) => ring === 0 ? 1 : Math.max(6, Math.floor((2 * Math.PI * RING * ring) / SPACING));
const round = (v: number) => Math.round(v * 10) / 10;

export function centroid(points: readonly Position[]): Position {
  if (!points.length) return { x: 0, y: 0 };
  const sum = points.reduce((s, p) => ({ x: s.x + p.x, y: s.y + p.y }), { x: 0, y: 0 });
  return { x: round(sum.x / points.length), y: round(sum.y / points.length) };
}
